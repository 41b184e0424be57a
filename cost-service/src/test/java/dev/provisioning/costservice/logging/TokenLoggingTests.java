package dev.provisioning.costservice.logging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The DigitalOcean and Hetzner tokens and the AWS keys never reach the log, even with the SDK's and HttpClient's header logging at DEBUG
 * (as the test profile sets them). The log file is rotated at each start, so it holds this test run only.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
class TokenLoggingTests {

    @ConfigProperty(name = "provisioning.digitalocean.token")
    String token;

    @ConfigProperty(name = "provisioning.hetzner.token")
    String hetznerToken;

    @ConfigProperty(name = "provisioning.aws.access-key-id")
    String awsAccessKeyId;

    @ConfigProperty(name = "provisioning.aws.secret-access-key")
    String awsSecretKey;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Test
    void providerTokensAndKeysAreNeverLogged() throws IOException {
        // Makes sure the SDK client exists and has talked to the API in this JVM.
        given().contentType(ContentType.JSON)
                .body("{\"resources\":[{\"provider\":\"digitalocean\",\"priceKey\":\"digitalocean:size:s-1vcpu-1gb\"}]}")
                .post("/api/v1/costs/estimate").then().statusCode(200);

        // Hetzner and AWS price data too: their clients send the Hetzner token and the AWS signature.
        given().contentType(ContentType.JSON)
                .body("{\"resources\":[{\"provider\":\"hetzner\",\"priceKey\":\"hetzner:server-type:cpx21:nbg1\"},"
                        + "{\"provider\":\"aws\",\"priceKey\":\"aws:ec2:t3.medium:ap-southeast-1\"}]}")
                .post("/api/v1/costs/estimate").then().statusCode(200);

        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        for (String secret : new String[] {hetznerToken, awsAccessKeyId, awsSecretKey}) {
            assertTrue(secret.length() > 10, "the test profile sets recognisable credentials");
            assertFalse(log.contains(secret), "a Hetzner or AWS credential appears in " + logFile);
        }
        assertTrue(token.length() > 10, "the test profile sets a recognisable token");
        assertFalse(log.contains(token), "the DigitalOcean token appears in " + logFile);
        // HttpClient did log the Authorization header: the filter is what kept the token out.
        assertTrue(log.contains("Bearer " + SecretRedactionFilter.MASK), "expected a redacted Authorization header in "
                + logFile);
        Matcher bearer = Pattern.compile("Bearer (?!" + Pattern.quote(SecretRedactionFilter.MASK) + ")\\S+").matcher(log);
        assertFalse(bearer.find(), () -> "an unredacted Bearer token in " + logFile + ": " + bearer.group());
    }
}
