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
 * The DigitalOcean token never reaches the log, even with the SDK's and HttpClient's header logging at DEBUG
 * (as the test profile sets them). The log file is rotated at each start, so it holds this test run only.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
class TokenLoggingTests {

    @ConfigProperty(name = "provisioning.digitalocean.token")
    String token;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Test
    void digitalOceanTokenIsNeverLogged() throws IOException {
        // Makes sure the SDK client exists and has talked to the API in this JVM.
        given().contentType(ContentType.JSON)
                .body("{\"resources\":[{\"provider\":\"digitalocean\",\"priceKey\":\"digitalocean:size:s-1vcpu-1gb\"}]}")
                .post("/api/v1/costs/estimate").then().statusCode(200);

        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        assertTrue(token.length() > 10, "the test profile sets a recognisable token");
        assertFalse(log.contains(token), "the DigitalOcean token appears in " + logFile);
        // HttpClient did log the Authorization header: the filter is what kept the token out.
        assertTrue(log.contains("Bearer " + SecretRedactionFilter.MASK), "expected a redacted Authorization header in "
                + logFile);
        Matcher bearer = Pattern.compile("Bearer (?!" + Pattern.quote(SecretRedactionFilter.MASK) + ")\\S+").matcher(log);
        assertFalse(bearer.find(), () -> "an unredacted Bearer token in " + logFile + ": " + bearer.group());
    }
}
