package dev.provisioning.cloudsim.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs delayed state transitions (a droplet becoming active, a DNS change going in sync). */
public final class SimTimers implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SimTimers.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cloud-sim-timers");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code task} once {@code delay} has passed; a task that fails is logged and dropped. */
    public void after(Duration delay, Runnable task) {
        try {
            scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "simulated transition failed", e);
                }
            }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The simulator is shutting down; a transition nobody can observe any more is not needed.
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
