package dev.provisioning.deploy.testing;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts one in-process cloud-sim per test JVM on a free port and points
 * {@code provisioning.cloud-sim.url} at it; tests reach its state through {@link #sim()}.
 */
public class CloudSimTestResource implements QuarkusTestResourceLifecycleManager {

    private static CloudSim sim;

    @Override
    public Map<String, String> start() {
        return Map.of("provisioning.cloud-sim.url", sim().url());
    }

    /** Kept running for the next Quarkus application in this JVM; a shutdown hook stops it. */
    @Override
    public void stop() {
    }

    /** The shared simulator, started on first use; call {@code reset()} on it to forget earlier tests' resources. */
    public static synchronized CloudSim sim() {
        if (sim == null) {
            try {
                CloudSim started = CloudSim.start(CloudSimConfig.defaults().withPort(0));
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cloud-sim-test-shutdown"));
                sim = started;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start cloud-sim on a free port", e);
            }
        }
        return sim;
    }
}
