package dev.provisioning.awsagent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.warmup.WarmUpRunner;
import dev.provisioning.awsagent.config.AwsConfig;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up: one cheap read per service and warm-up region against cloud-sim, or a single redacted line
 * when AWS cannot be reached. (The agent's test profile keeps the warm-up itself off: the suites inject faults.)
 */
class AwsWarmUpTest {

    static final String ACCESS_KEY_ID = "AKIAWARMUPKEYNEVERLOGGED";
    static final String SECRET_KEY = "warm0up0secret0key0that0must0never0leak";

    static AwsConfig config(String endpoint, List<String> warmUpRegions) {
        return new AwsConfig() {
            @Override
            public Optional<URI> endpoint() {
                return Optional.of(URI.create(endpoint));
            }

            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public Optional<List<String>> warmUpRegions() {
                return Optional.ofNullable(warmUpRegions);
            }

            @Override
            public Optional<String> accessKeyId() {
                return Optional.of(ACCESS_KEY_ID);
            }

            @Override
            public Optional<String> secretAccessKey() {
                return Optional.of(SECRET_KEY);
            }

            @Override
            public String defaultImageId() {
                return "ami-09d56f8956ab235b7";
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(5);
            }
        };
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

            assertTrue(outcome.warmed(), outcome.line());
            assertTrue(outcome.line().startsWith("Provider warm-up done in "), outcome.line());
            assertTrue(outcome.line().endsWith(" ms: EC2, ELBv2 and RDS clients in us-east-1, ap-southeast-1"),
                    outcome.line());
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

            assertFalse(outcome.warmed());
            assertTrue(outcome.line().contains(": io_error: warm-up DescribeAvailabilityZones in us-east-1 failed"),
                    outcome.line());
            assertFalse(outcome.line().contains("\n"), outcome.line());
            assertFalse(outcome.line().contains(SECRET_KEY) || outcome.line().contains(ACCESS_KEY_ID),
                    outcome.line());
            assertEquals(List.of(SECRET_KEY, ACCESS_KEY_ID), warmUp.secrets());
        } finally {
            clients.close();
        }
    }

    /** A local port nothing listens on: connecting is refused at once. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
