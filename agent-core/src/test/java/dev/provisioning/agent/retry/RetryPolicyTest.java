package dev.provisioning.agent.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0,
            Duration.ofSeconds(30));

    static ProviderException status(int status, Map<String, String> headers) {
        return ProviderException.fromHttpStatus(status, null, "x", headers::get, CLOCK);
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        assertEquals(Duration.ofMillis(100), POLICY.backoff(1));
        assertEquals(Duration.ofMillis(200), POLICY.backoff(2));
        assertEquals(Duration.ofMillis(400), POLICY.backoff(3));
        assertEquals(Duration.ofMillis(800), POLICY.backoff(4));
        assertEquals(Duration.ofSeconds(1), POLICY.backoff(5));
        assertEquals(Duration.ofSeconds(1), POLICY.backoff(50));
    }

    @Test
    void retriesRetryableFailuresUntilMaxAttempts() {
        ProviderException serverError = status(500, Map.of());
        assertEquals(Optional.of(Duration.ofMillis(100)), POLICY.delayAfter(1, serverError));
        assertEquals(Optional.of(Duration.ofMillis(800)), POLICY.delayAfter(4, serverError));
        assertTrue(POLICY.delayAfter(5, serverError).isEmpty());
    }

    @Test
    void neverRetriesPermanentFailures() {
        assertTrue(POLICY.delayAfter(1, status(422, Map.of())).isEmpty());
    }

    @Test
    void waitsAtLeastAsLongAsTheProviderAsked() {
        assertEquals(Optional.of(Duration.ofSeconds(3)), POLICY.delayAfter(1, status(429, Map.of("Retry-After", "3"))));
        // A shorter request than the backoff does not shorten the backoff.
        assertEquals(Optional.of(Duration.ofMillis(400)), POLICY.delayAfter(3, status(429, Map.of("Retry-After", "0"))));
    }

    @Test
    void givesUpWhenTheProviderAsksForTooLong() {
        assertTrue(POLICY.delayAfter(1, status(429, Map.of("Retry-After", "31"))).isEmpty());
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 2.0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0.5, Duration.ZERO));
    }
}
