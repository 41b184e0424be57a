package dev.provisioning.agent.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingCallerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    final List<Duration> waits = new ArrayList<>();
    final RetryingCaller caller = new RetryingCaller(
            new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(150), 2.0, Duration.ofSeconds(10)),
            waits::add);

    static ProviderException status(int status, Map<String, String> headers) {
        return ProviderException.fromHttpStatus(status, null, "status " + status, headers::get, CLOCK);
    }

    @Test
    void returnsAtOnceWhenTheCallSucceeds() {
        assertEquals("ok", caller.call("op", () -> "ok"));
        assertTrue(waits.isEmpty());
    }

    @Test
    void retriesRateLimitsAndServerErrorsWithBackoff() {
        AtomicInteger calls = new AtomicInteger();
        String result = caller.call("create droplet", () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw status(429, Map.of("Retry-After", "2"));
            }
            if (n == 2) {
                throw status(503, Map.of());
            }
            return "created";
        });
        assertEquals("created", result);
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofMillis(100)), waits);
    }

    @Test
    void givesUpAfterMaxAttemptsReportingThem() {
        AtomicInteger calls = new AtomicInteger();
        ProviderException e = assertThrows(ProviderException.class, () -> caller.call("op", () -> {
            calls.incrementAndGet();
            throw status(500, Map.of());
        }));
        assertEquals(4, calls.get());
        assertEquals(4, e.attempts());
        assertTrue(e.isRetryable());
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150)), waits);
    }

    @Test
    void doesNotRetryPermanentFailures() {
        AtomicInteger calls = new AtomicInteger();
        ProviderException e = assertThrows(ProviderException.class, () -> caller.call("op", () -> {
            calls.incrementAndGet();
            throw status(422, Map.of());
        }));
        assertEquals(1, calls.get());
        assertEquals(1, e.attempts());
        assertTrue(waits.isEmpty());
    }

    @Test
    void leavesOtherExceptionsAlone() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> caller.call("op", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("bug");
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void aRealSleeperWaitsRoughlyTheBackoff() {
        RetryingCaller real = new RetryingCaller(
                new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(20), 1.0, Duration.ofSeconds(1)),
                Sleeper.THREAD);
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        real.call("op", () -> {
            if (calls.incrementAndGet() == 1) {
                throw status(502, Map.of());
            }
            return null;
        });
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(20).toNanos());
    }
}
