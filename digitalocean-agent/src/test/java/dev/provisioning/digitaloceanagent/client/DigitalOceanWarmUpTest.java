package dev.provisioning.digitaloceanagent.client;

import static dev.provisioning.agent.testing.WarmUpTestSupport.assertStoppedInOneLine;
import static dev.provisioning.agent.testing.WarmUpTestSupport.assertWarmed;
import static dev.provisioning.agent.testing.WarmUpTestSupport.closedPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.agent.warmup.WarmUpRunner;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.digitaloceanagent.config.DigitalOceanConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up warm-up lists the regions through the SDK; an unreachable API gives one line without the token. */
class DigitalOceanWarmUpTest {

    static final String TOKEN = "dop_v1_warm0up0token0that0must0never0leak";

    static DigitalOceanConfig config(String endpoint) {
        return new DigitalOceanConfig() {
            @Override
            public URI endpoint() {
                return URI.create(endpoint);
            }

            @Override
            public String token() {
                return TOKEN;
            }

            @Override
            public String defaultImage() {
                return "ubuntu-24-04-x64";
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

    static WarmUpRunner.Outcome warmUp(DigitalOceanConfig config) throws IOException {
        DigitalOceanConnection connection = new DigitalOceanConnection(config, new ObjectMapper());
        try {
            return WarmUpRunner.run(new DigitalOceanWarmUp(connection, config), System::nanoTime);
        } finally {
            connection.close();
        }
    }

    @Test
    void theRegionsAreListedThroughTheSdk() throws IOException {
        WarmUpRunner.Outcome outcome = warmUp(config(CloudSimTestResource.sim().url()));

        assertWarmed(outcome, "DigitalOcean API client \\(GET /v2/regions: [1-9]\\d* regions\\)");
    }

    @Test
    void anUnreachableApiGivesOneLineWithoutTheToken() throws IOException {
        WarmUpRunner.Outcome outcome = warmUp(config("http://127.0.0.1:" + closedPort()));

        assertStoppedInOneLine(outcome, ": io_error: list regions failed", TOKEN);
    }
}
