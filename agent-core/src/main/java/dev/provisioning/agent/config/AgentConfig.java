package dev.provisioning.agent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every agent shares: which provider it serves, how it retries provider calls and waits for readiness. */
@ConfigMapping(prefix = "provisioning.agent")
public interface AgentConfig {

    /** The provider this agent serves: {@code digitalocean}, {@code hetzner} or {@code aws}. */
    String provider();

    /** The CloudEvents {@code source} of the events it publishes, e.g. {@code /digitalocean-agent}. */
    String eventSource();

    /** How long to wait for the broker to acknowledge an event before the command counts as failed. */
    @WithDefault("30s")
    Duration publishTimeout();

    Retry retry();

    Readiness readiness();

    WarmUp warmUp();

    /** Retries of a single provider call. */
    interface Retry {

        /** Attempts per provider call, the first included. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        @WithDefault("2.0")
        double multiplier();

        /** A provider asking to wait longer than this ends the retries: the failure is reported as retryable. */
        @WithDefault("60s")
        Duration maxRetryAfter();
    }

    /** Waiting for the provider to report a resource ready, or gone after a delete. */
    interface Readiness {

        @WithDefault("10m")
        Duration timeout();

        @WithDefault("2s")
        Duration initialPollInterval();

        @WithDefault("15s")
        Duration maxPollInterval();

        @WithDefault("1.5")
        double multiplier();
    }

    /** Loading the provider SDK and its clients in the background right after start (see {@code warmup}). */
    interface WarmUp {

        /** Off where tests count provider requests or inject faults the warm-up's reads could take. */
        @WithDefault("true")
        boolean enabled();
    }
}
