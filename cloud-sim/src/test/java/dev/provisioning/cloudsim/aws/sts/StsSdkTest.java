package dev.provisioning.cloudsim.aws.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS emulation exercised through the AWS SDK for Java v2. */
class StsSdkTest {

    private static CloudSim sim;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void getCallerIdentityAnswersWithTheSimulatedAccount() {
        try (StsClient sts = StsClient.builder()
                .endpointOverride(URI.create(sim.url()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();

            assertEquals("000000000000", identity.account());
            assertEquals("arn:aws:iam::000000000000:root", identity.arn());
        }
    }

    @Test
    void unsignedAndUnknownRequestsGetAwsErrors() {
        RawHttp http = new RawHttp(sim);

        HttpResponse<String> unsigned = http.send("POST", "/", "Action=GetCallerIdentity&Version=2011-06-15",
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(403, unsigned.statusCode());
        assertTrue(unsigned.body().contains("<Code>MissingAuthenticationToken</Code>"), unsigned.body());

        String signature = "AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1/sts/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0123abcd";
        HttpResponse<String> unknownAction = http.send("POST", "/", "Action=AssumeRole&Version=2011-06-15",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", signature);
        assertEquals(400, unknownAction.statusCode());
        assertTrue(unknownAction.body().contains("<Code>InvalidAction</Code>"), unknownAction.body());
    }
}
