package dev.provisioning.agent.retry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A classified provider failure: retryable (rate limits, 5xx, timeouts, broken connections) or permanent
 * (validation and other 4xx), with the provider's own error code and the wait it asked for, if any.
 */
public class ProviderException extends RuntimeException {

    private final String errorCode;
    private final boolean retryable;
    private final int httpStatus;
    private final Duration retryAfter;
    private final int attempts;

    protected ProviderException(String errorCode, String message, boolean retryable, int httpStatus,
                                Duration retryAfter, int attempts, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.retryable = retryable;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /**
     * Classifies an HTTP error response.
     *
     * @param providerCode the provider's error code from the body (DigitalOcean {@code id}, Hetzner
     *                     {@code error.code}, AWS {@code Code}); a code derived from the status when absent
     * @param header       the response's headers by name, case-insensitive; null values when absent
     */
    public static ProviderException fromHttpStatus(int status, String providerCode, String message,
                                                   UnaryOperator<String> header, Clock clock) {
        boolean retryable = isRetryableStatus(status);
        Duration wait = null;
        if (status == 429) {
            wait = RetryAfter.fromHeaders(header.apply("Retry-After"), header.apply("ratelimit-reset"), clock.instant())
                    .orElse(null);
        } else if (status == 503) {
            // A reset header on a 503 describes the rate-limit window, not the outage: only Retry-After counts.
            wait = RetryAfter.fromHeaders(header.apply("Retry-After"), null, clock.instant()).orElse(null);
        }
        String code = providerCode == null || providerCode.isBlank() ? codeOf(status) : providerCode;
        String text = message == null || message.isBlank() ? "HTTP " + status : message;
        return new ProviderException(code, text, retryable, status, wait, 1, null);
    }

    /** A request that got no HTTP answer: timeouts are {@code timeout}, anything else {@code io_error}; both retryable. */
    public static ProviderException fromIoFailure(String operation, IOException failure) {
        boolean timedOut = failure instanceof InterruptedIOException;
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new ProviderException(timedOut ? "timeout" : "io_error", operation + " failed: " + detail, true, 0,
                null, 1, failure);
    }

    /** The provider did not reach the wanted state in time; retryable, since a later attempt may succeed. */
    public static ProviderException timeout(String message) {
        return new ProviderException("timeout", message, true, 0, null, 1, null);
    }

    /** The command's spec cannot be carried out as given; nothing was changed at the provider. */
    public static ProviderException invalidSpec(String message) {
        return new ProviderException("invalid_spec", message, false, 0, null, 1, null);
    }

    /** No reconciler in this agent handles the address kind. */
    public static ProviderException unsupportedKind(String provider, String kind, Collection<String> supported) {
        String allowed = supported.isEmpty() ? "none yet" : String.join(", ", supported.stream().sorted().toList());
        return new ProviderException("unsupported_kind", "the " + provider + " agent does not handle kind '" + kind
                + "'; supported kinds: " + allowed, false, 0, null, 1, null);
    }

    /** Any other classified failure, e.g. an object that disappeared while the agent waited for it. */
    public static ProviderException of(String errorCode, String message, boolean retryable) {
        return new ProviderException(errorCode, message, retryable, 0, null, 1, null);
    }

    /** HTTP statuses worth retrying: rate limits, request timeouts and server-side errors. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 408 -> "timeout";
            case 409 -> "conflict";
            case 422 -> "unprocessable_entity";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "server_error" : "http_" + status;
        };
    }

    /** The same failure, recording how many attempts were made before giving up. */
    public ProviderException afterAttempts(int attemptsMade) {
        ProviderException copy = new ProviderException(errorCode, getMessage(), retryable, httpStatus, retryAfter,
                attemptsMade, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** The HTTP status of the provider's answer, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the provider asked the client to wait before the next request. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int attempts() {
        return attempts;
    }
}
