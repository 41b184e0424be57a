package dev.provisioning.cloudsim.runtime;

import dev.provisioning.cloudsim.CloudSimConfig;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The configuration in force right now; delays and time scale can change while the simulator runs. */
public final class LiveConfig {

    private final AtomicReference<CloudSimConfig> current;

    public LiveConfig(CloudSimConfig initial) {
        this.current = new AtomicReference<>(initial);
    }

    public CloudSimConfig current() {
        return current.get();
    }

    /** Records the port actually bound, which differs from the configured one when that was 0. */
    public void recordBoundPort(int port) {
        current.updateAndGet(before -> before.withPort(port));
    }

    /**
     * Applies a change to the timing settings. The listening address, port and thread count are fixed
     * once the server is bound, so any change to them is ignored.
     */
    public CloudSimConfig update(UnaryOperator<CloudSimConfig> change) {
        return current.updateAndGet(before -> {
            CloudSimConfig after = change.apply(before);
            return after.withBindAddress(before.bindAddress())
                    .withPort(before.port())
                    .withWorkerThreads(before.workerThreads());
        });
    }
}
