package dev.provisioning.agent.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider wants a client to back off: {@code Retry-After} (delay in seconds or an HTTP date)
 * and DigitalOcean's {@code ratelimit-reset} (epoch seconds at which the rate-limit window resets).
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The later of the two waits, never negative; empty when neither header is present or parseable. */
    public static Optional<Duration> fromHeaders(String retryAfter, String rateLimitReset, Instant now) {
        Optional<Duration> fromRetryAfter = parseRetryAfter(retryAfter, now);
        Optional<Duration> fromReset = parseEpochReset(rateLimitReset, now);
        if (fromRetryAfter.isPresent() && fromReset.isPresent()) {
            return Optional.of(max(fromRetryAfter.get(), fromReset.get()));
        }
        return fromRetryAfter.isPresent() ? fromRetryAfter : fromReset;
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            return Optional.of(nonNegative(Duration.ofSeconds(Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(nonNegative(Duration.between(now, at)));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    static Optional<Duration> parseEpochReset(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(value.trim()));
            return Optional.of(nonNegative(Duration.between(now, at)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
