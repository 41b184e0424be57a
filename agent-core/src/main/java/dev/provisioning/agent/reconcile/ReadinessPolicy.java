package dev.provisioning.agent.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * How the reconciler waits for the provider to report a resource ready (or gone): polls start at
 * {@code initialPollInterval}, grow by {@code multiplier} up to {@code maxPollInterval}, and give up after
 * {@code timeout}.
 */
public record ReadinessPolicy(Duration timeout, Duration initialPollInterval, Duration maxPollInterval,
                              double multiplier) {

    public ReadinessPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialPollInterval, "initialPollInterval");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1.0, was " + multiplier);
        }
    }

    /** The wait before poll number {@code poll} (1 = the first poll after the create or delete). */
    public Duration pollInterval(int poll) {
        double millis = initialPollInterval.toMillis() * Math.pow(multiplier, Math.max(0, poll - 1));
        return Duration.ofMillis((long) Math.min(millis, (double) maxPollInterval.toMillis()));
    }
}
