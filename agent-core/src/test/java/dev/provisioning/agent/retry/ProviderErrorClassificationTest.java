package dev.provisioning.agent.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProviderErrorClassificationTest {

    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static UnaryOperator<String> headers(Map<String, String> values) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(values);
        return caseInsensitive::get;
    }

    static final UnaryOperator<String> NO_HEADERS = headers(Map.of());

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void rateLimitsServerErrorsAndTimeoutsAreRetryable(int status) {
        assertTrue(ProviderException.fromHttpStatus(status, null, "x", NO_HEADERS, CLOCK).isRetryable());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void otherClientErrorsArePermanent(int status) {
        assertFalse(ProviderException.fromHttpStatus(status, null, "x", NO_HEADERS, CLOCK).isRetryable());
    }

    @Test
    void keepsTheProvidersCodeAndMessage() {
        ProviderException e = ProviderException.fromHttpStatus(422, "unprocessable_entity",
                "You specified an invalid size for Droplet creation.", NO_HEADERS, CLOCK);
        assertEquals("unprocessable_entity", e.errorCode());
        assertEquals("You specified an invalid size for Droplet creation.", e.getMessage());
        assertEquals(422, e.httpStatus());
        assertEquals(1, e.attempts());
    }

    @Test
    void derivesACodeWhenTheProviderGivesNone() {
        assertEquals("rate_limited", ProviderException.fromHttpStatus(429, null, null, NO_HEADERS, CLOCK).errorCode());
        assertEquals("server_error", ProviderException.fromHttpStatus(502, "", null, NO_HEADERS, CLOCK).errorCode());
        assertEquals("HTTP 502", ProviderException.fromHttpStatus(502, "", null, NO_HEADERS, CLOCK).getMessage());
    }

    @Test
    void rateLimitHonoursRetryAfterAndTheResetEpoch() {
        ProviderException withRetryAfter = ProviderException.fromHttpStatus(429, "too_many_requests", "slow down",
                headers(Map.of("retry-after", "4")), CLOCK);
        assertEquals(Optional.of(Duration.ofSeconds(4)), withRetryAfter.retryAfter());

        ProviderException withReset = ProviderException.fromHttpStatus(429, "too_many_requests", "slow down",
                headers(Map.of("RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 9))), CLOCK);
        assertEquals(Optional.of(Duration.ofSeconds(9)), withReset.retryAfter());
    }

    @Test
    void aResetHeaderOnAServerErrorIsNotAWait() {
        ProviderException e = ProviderException.fromHttpStatus(503, null, "down",
                headers(Map.of("ratelimit-reset", Long.toString(NOW.getEpochSecond() + 3000))), CLOCK);
        assertTrue(e.retryAfter().isEmpty());
        ProviderException asked = ProviderException.fromHttpStatus(503, null, "down",
                headers(Map.of("Retry-After", "2")), CLOCK);
        assertEquals(Optional.of(Duration.ofSeconds(2)), asked.retryAfter());
    }

    @Test
    void ioFailuresAreRetryableTimeoutsOrIoErrors() {
        ProviderException timeout = ProviderException.fromIoFailure("create droplet",
                new SocketTimeoutException("Read timed out"));
        assertEquals("timeout", timeout.errorCode());
        assertTrue(timeout.isRetryable());
        assertEquals("create droplet failed: SocketTimeoutException: Read timed out", timeout.getMessage());

        ProviderException refused = ProviderException.fromIoFailure("list droplets", new ConnectException("refused"));
        assertEquals("io_error", refused.errorCode());
        assertTrue(refused.isRetryable());
        assertEquals("io_error", ProviderException.fromIoFailure("x", new IOException()).errorCode());
    }

    @Test
    void specAndKindProblemsArePermanent() {
        assertFalse(ProviderException.invalidSpec("spec.size is required").isRetryable());
        ProviderException unsupported = ProviderException.unsupportedKind("hetzner", "server", List.of());
        assertEquals("unsupported_kind", unsupported.errorCode());
        assertFalse(unsupported.isRetryable());
        assertEquals("the hetzner agent does not handle kind 'server'; supported kinds: none yet",
                unsupported.getMessage());
        assertEquals("the digitalocean agent does not handle kind 'volume'; supported kinds: droplet, load-balancer",
                ProviderException.unsupportedKind("digitalocean", "volume", List.of("load-balancer", "droplet"))
                        .getMessage());
    }

    @Test
    void recordsAttemptsWithoutLosingTheClassification() {
        ProviderException first = ProviderException.fromHttpStatus(500, "server_error", "boom", NO_HEADERS, CLOCK);
        ProviderException last = first.afterAttempts(4);
        assertEquals(4, last.attempts());
        assertEquals("server_error", last.errorCode());
        assertEquals("boom", last.getMessage());
        assertEquals(500, last.httpStatus());
        assertTrue(last.isRetryable());
    }
}
