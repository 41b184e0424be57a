package dev.provisioning.agent.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try a provider call again: exponential backoff from {@code initialBackoff} up to {@code maxBackoff},
 * at most {@code maxAttempts} attempts, and never sooner than the provider asked; a provider asking for more than
 * {@code maxRetryAfter} ends the retries (the failure is reported as retryable instead of holding the partition).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1.0, was " + multiplier);
        }
    }

    /** The exponential part of the wait after {@code failedAttempts} failures (1 = after the first). */
    public Duration backoff(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        long capped = (long) Math.min(millis, (double) maxBackoff.toMillis());
        return Duration.ofMillis(capped);
    }

    /** How long to wait before the next attempt, or empty to give up. */
    public Optional<Duration> delayAfter(int failedAttempts, ProviderException failure) {
        if (!failure.isRetryable() || failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = backoff(failedAttempts);
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent()) {
            if (asked.get().compareTo(maxRetryAfter) > 0) {
                return Optional.empty();
            }
            if (asked.get().compareTo(wait) > 0) {
                wait = asked.get();
            }
        }
        return Optional.of(wait);
    }
}
