package dev.provisioning.hetzneragent.client;

import static dev.provisioning.agent.testing.WarmUpTestSupport.assertStoppedInOneLine;
import static dev.provisioning.agent.testing.WarmUpTestSupport.assertWarmed;
import static dev.provisioning.agent.testing.WarmUpTestSupport.closedPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.agent.warmup.WarmUpRunner;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.hetzneragent.config.HetznerConfig;
import dev.provisioning.hetzneragent.config.TestHetznerConfig;
import java.io.IOException;
import me.tomsdevsn.hetznercloud.HetznerCloudAPI;
import org.junit.jupiter.api.Test;

/** The start-up warm-up lists the locations through the SDK; an unreachable API gives one line without the token. */
class HetznerWarmUpTest {

    static final String TOKEN = "hcloud0warm0up0token0that0must0never0leak";

    static HetznerConfig config(String endpoint) {
        return TestHetznerConfig.local(endpoint, TOKEN);
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

        assertWarmed(outcome, "hetznercloud-api client \\(GET /locations: [1-9]\\d* locations\\)");
    }

    @Test
    void anUnreachableApiGivesOneLineWithoutTheToken() throws IOException {
        WarmUpRunner.Outcome outcome = WarmUpRunner.run(warmUp(config("http://127.0.0.1:" + closedPort() + "/v1")),
                System::nanoTime);

        assertStoppedInOneLine(outcome, ": io_error: list locations failed", TOKEN);
    }
}
