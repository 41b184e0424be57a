package dev.provisioning.awsagent.client;

import static dev.provisioning.agent.testing.WarmUpTestSupport.assertStoppedInOneLine;
import static dev.provisioning.agent.testing.WarmUpTestSupport.assertWarmed;
import static dev.provisioning.agent.testing.WarmUpTestSupport.closedPort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.provisioning.agent.warmup.WarmUpRunner;
import dev.provisioning.awsagent.config.AwsConfig;
import dev.provisioning.awsagent.config.TestAwsConfig;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up: one cheap read per service and warm-up region against cloud-sim, or a single redacted line
 * when AWS cannot be reached. (The agent's test profile keeps the warm-up itself off: the suites inject faults.)
 */
class AwsWarmUpTest {

    static final String ACCESS_KEY_ID = "AKIAWARMUPKEYNEVERLOGGED";
    static final String SECRET_KEY = "warm0up0secret0key0that0must0never0leak";

    static AwsConfig config(String endpoint, List<String> warmUpRegions) {
        return TestAwsConfig.local(endpoint, "us-east-1", warmUpRegions, ACCESS_KEY_ID, SECRET_KEY);
    }

    @Test
    void theWarmUpRegionsAreTheListedOnesOrElseTheDefaultRegion() {
        assertEquals(List.of("us-east-1"), AwsWarmUp.regions(config("http://127.0.0.1:1", null)));
        assertEquals(List.of("us-east-1"), AwsWarmUp.regions(config("http://127.0.0.1:1", List.of(" "))));
        assertEquals(List.of("ap-southeast-1", "us-east-1"), AwsWarmUp.regions(config("http://127.0.0.1:1",
                List.of(" ap-southeast-1", "us-east-1", "ap-southeast-1"))));
    }

    @Test
    void everyServiceIsReadOnceInEachRegionAndTheClientsAreKeptForCommands() {
        AwsConfig config = config(CloudSimTestResource.sim().url(), List.of("us-east-1", "ap-southeast-1"));
        AwsClients clients = new AwsClients(config);
        try {
            WarmUpRunner.Outcome outcome = WarmUpRunner.run(new AwsWarmUp(clients, config), System::nanoTime);

            assertWarmed(outcome, Pattern.quote("EC2, ELBv2 and RDS clients in us-east-1, ap-southeast-1"));
            assertSame(clients.ec2("ap-southeast-1"), clients.ec2("ap-southeast-1"), "built once, then reused");
        } finally {
            clients.close();
        }
    }

    @Test
    void anUnreachableEndpointStopsTheWarmUpWithOneLineAndNoCredentials() throws IOException {
        AwsConfig config = config("http://127.0.0.1:" + closedPort(), List.of("us-east-1", "ap-southeast-1"));
        AwsClients clients = new AwsClients(config);
        try {
            AwsWarmUp warmUp = new AwsWarmUp(clients, config);
            WarmUpRunner.Outcome outcome = WarmUpRunner.run(warmUp, System::nanoTime);

            assertStoppedInOneLine(outcome, ": io_error: warm-up DescribeAvailabilityZones in us-east-1 failed",
                    SECRET_KEY, ACCESS_KEY_ID);
            assertEquals(List.of(SECRET_KEY, ACCESS_KEY_ID), warmUp.secrets());
        } finally {
            clients.close();
        }
    }
}
