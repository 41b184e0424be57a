package dev.provisioning.cloudsim.fault;

import java.util.Locale;
import java.util.Objects;

/**
 * A failure to serve instead of the real answer for the next {@code count} matching requests.
 *
 * @param provider          {@code digitalocean}, {@code hetzner}, {@code route53}, {@code sts}, or {@code aws} for
 *                          every AWS service
 * @param pathPrefix        only requests whose path starts with this; null matches every path
 * @param method            only requests with this HTTP method; null matches every method
 * @param status            HTTP status to answer with; 0 answers normally after {@code delayMillis}
 * @param count             how many matching requests fail
 * @param retryAfterSeconds value of the {@code Retry-After} header; null leaves it out
 * @param code              provider error code; null picks the usual one for the status
 * @param message           error message; null picks the usual one for the status
 * @param delayMillis       time to wait before answering, to provoke client time-outs
 */
public record Fault(
        String provider,
        String pathPrefix,
        String method,
        int status,
        int count,
        Integer retryAfterSeconds,
        String code,
        String message,
        long delayMillis) {

    public Fault {
        Objects.requireNonNull(provider, "provider");
        provider = provider.toLowerCase(Locale.ROOT);
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be 0 or an HTTP error status (4xx/5xx): " + status);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative: " + delayMillis);
        }
        if (status == 0 && delayMillis == 0) {
            throw new IllegalArgumentException("a fault needs an error status, a delay, or both");
        }
    }

    /** A fault answering {@code status} to the next {@code count} requests of a provider under a path prefix. */
    public static Fault of(String provider, String pathPrefix, String method, int status, int count) {
        return new Fault(provider, pathPrefix, method, status, count, null, null, null, 0);
    }

    public Fault withRetryAfterSeconds(Integer seconds) {
        return new Fault(provider, pathPrefix, method, status, count, seconds, code, message, delayMillis);
    }

    public Fault withCount(int newCount) {
        return new Fault(provider, pathPrefix, method, status, newCount, retryAfterSeconds, code, message, delayMillis);
    }

    /** Whether a request to {@code provider} (belonging to provider {@code family}) matches this fault. */
    public boolean matches(String requestProvider, String family, String requestMethod, String path) {
        boolean providerMatches = provider.equals("*") || provider.equals(requestProvider) || provider.equals(family);
        boolean methodMatches = method == null || method.equals(requestMethod);
        boolean pathMatches = pathPrefix == null || path.startsWith(pathPrefix);
        return providerMatches && methodMatches && pathMatches;
    }

    /** Whether the request should still be answered normally once the delay has passed. */
    public boolean delayOnly() {
        return status == 0;
    }
}
