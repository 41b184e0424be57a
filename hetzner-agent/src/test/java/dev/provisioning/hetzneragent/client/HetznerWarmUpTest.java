package dev.provisioning.hetzneragent.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.agent.warmup.WarmUpRunner;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.hetzneragent.config.HetznerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import me.tomsdevsn.hetznercloud.HetznerCloudAPI;
import org.junit.jupiter.api.Test;

/** The start-up warm-up lists the locations through the SDK; an unreachable API gives one line without the token. */
class HetznerWarmUpTest {

    static final String TOKEN = "hcloud0warm0up0token0that0must0never0leak";

    static HetznerConfig config(String endpoint) {
        return new HetznerConfig() {
            @Override
            public URI endpoint() {
                return URI.create(endpoint);
            }

            @Override
            public String token() {
                return TOKEN;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public String defaultImage() {
                return "ubuntu-24.04";
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    static HetznerWarmUp warmUp(HetznerConfig config) {
        ErrorResponses errors = new ErrorResponses();
        HetznerCloudAPI sdk = new HetznerCloudAPI(config.token(),
                HetznerClients.httpClient(config).newBuilder().addInterceptor(errors).build());
        return new HetznerWarmUp(new HetznerCloud(sdk, errors, new ObjectMapper(), config), config);
    }

    @Test
    void theLocationsAreListedThroughTheSdk() {
        WarmUpRunner.Outcome outcome = WarmUpRunner.run(warmUp(config(CloudSimTestResource.sim().url() + "/v1")),
                System::nanoTime);

        assertTrue(outcome.warmed(), outcome.line());
        assertTrue(outcome.line().matches("Provider warm-up done in \\d+ ms: hetznercloud-api client "
                + "\\(GET /locations: [1-9]\\d* locations\\)"), outcome.line());
    }

    @Test
    void anUnreachableApiGivesOneLineWithoutTheToken() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        WarmUpRunner.Outcome outcome = WarmUpRunner.run(warmUp(config("http://127.0.0.1:" + closedPort + "/v1")),
                System::nanoTime);

        assertFalse(outcome.warmed());
        assertTrue(outcome.line().contains(": io_error: list locations failed"), outcome.line());
        assertFalse(outcome.line().contains("\n"), outcome.line());
        assertFalse(outcome.line().contains(TOKEN), outcome.line());
    }
}
