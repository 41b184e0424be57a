package dev.provisioning.agent.warmup;

import dev.provisioning.agent.config.AgentConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Right after start, runs every {@link ProviderWarmUp} bean the agent defines on a background thread, once: start-up
 * and readiness do not wait for it, nothing fails when the provider is unreachable (one WARN line, no retry), and a
 * command arriving meanwhile simply shares whatever has been loaded so far. Off with
 * {@code provisioning.agent.warm-up.enabled=false}.
 */
@Singleton
public class WarmUpOnStart {

    private static final Logger LOG = Logger.getLogger(WarmUpOnStart.class);

    private final AgentConfig config;
    private final Instance<ProviderWarmUp> warmUps;
    private volatile boolean stopping;
    private volatile Thread thread;

    public WarmUpOnStart(AgentConfig config, Instance<ProviderWarmUp> warmUps) {
        this.config = config;
        this.warmUps = warmUps;
    }

    /** CDI's {@code Startup}, which Quarkus fires with its own {@code StartupEvent}, once the runtime config is there. */
    void onStart(@Observes Startup started) {
        if (!config.warmUp().enabled()) {
            LOG.debug("Provider warm-up off (provisioning.agent.warm-up.enabled=false)");
            return;
        }
        if (warmUps.isUnsatisfied()) {
            return;
        }
        Thread background = new Thread(this::warmAll, "provider-warm-up");
        background.setDaemon(true);
        thread = background;
        background.start();
    }

    /** Shutting down: a warm-up still running is abandoned, and its failure (closed clients) is not reported. */
    void onStop(@Observes Shutdown stopped) {
        stopping = true;
        Thread background = thread;
        if (background != null) {
            background.interrupt();
        }
    }

    private void warmAll() {
        try {
            for (ProviderWarmUp warmUp : warmUps) {
                if (stopping) {
                    return;
                }
                WarmUpRunner.Outcome outcome = WarmUpRunner.run(warmUp, System::nanoTime);
                if (stopping) {
                    LOG.debugf("Provider warm-up abandoned at shutdown after %d ms", outcome.millis());
                } else if (outcome.warmed()) {
                    LOG.info(outcome.line());
                } else {
                    LOG.warn(outcome.line());
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("Provider warm-up stopped: " + WarmUpRunner.reason(e, List.of()));
            }
        }
    }
}
