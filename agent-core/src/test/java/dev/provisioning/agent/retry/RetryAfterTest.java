package dev.provisioning.agent.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void readsDelayInSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.fromHeaders("7", null, NOW));
    }

    @Test
    void readsHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                RetryAfter.fromHeaders("Fri, 27 Nov 2026 09:00:30 GMT", null, NOW));
    }

    @Test
    void readsDigitalOceanEpochReset() {
        long reset = NOW.getEpochSecond() + 12;
        assertEquals(Optional.of(Duration.ofSeconds(12)), RetryAfter.fromHeaders(null, Long.toString(reset), NOW));
    }

    @Test
    void takesTheLaterOfBothHeaders() {
        long reset = NOW.getEpochSecond() + 20;
        assertEquals(Optional.of(Duration.ofSeconds(20)), RetryAfter.fromHeaders("3", Long.toString(reset), NOW));
        assertEquals(Optional.of(Duration.ofSeconds(40)), RetryAfter.fromHeaders("40", Long.toString(reset), NOW));
    }

    @Test
    void aResetInThePastMeansNoWait() {
        long reset = NOW.getEpochSecond() - 100;
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.fromHeaders(null, Long.toString(reset), NOW));
    }

    @Test
    void ignoresAbsentOrUnparseableHeaders() {
        assertTrue(RetryAfter.fromHeaders(null, null, NOW).isEmpty());
        assertTrue(RetryAfter.fromHeaders(" ", "", NOW).isEmpty());
        assertTrue(RetryAfter.fromHeaders("soon", "later", NOW).isEmpty());
    }
}
