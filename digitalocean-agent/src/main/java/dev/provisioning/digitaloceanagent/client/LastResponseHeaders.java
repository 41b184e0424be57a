package dev.provisioning.digitaloceanagent.client;

import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.protocol.HttpContext;

/**
 * Keeps the rate-limit headers of the last response the calling thread received. The SDK turns an error response
 * into an exception without its headers, so {@code Retry-After} and {@code ratelimit-reset} are read here instead.
 */
public final class LastResponseHeaders implements HttpResponseInterceptor {

    private static final String[] KEPT = {"Retry-After", "ratelimit-reset"};

    private final ThreadLocal<String[]> values = new ThreadLocal<>();

    @Override
    public void process(HttpResponse response, HttpContext context) {
        String[] kept = new String[KEPT.length];
        for (int i = 0; i < KEPT.length; i++) {
            Header header = response.getFirstHeader(KEPT[i]);
            kept[i] = header == null ? null : header.getValue();
        }
        values.set(kept);
    }

    /** Forgets what the previous call saw, so a failure without a response is not paired with stale headers. */
    public void clear() {
        values.remove();
    }

    /** The header's value on the last response of this thread ({@code Retry-After} or {@code ratelimit-reset}). */
    public String get(String name) {
        String[] kept = values.get();
        if (kept == null) {
            return null;
        }
        for (int i = 0; i < KEPT.length; i++) {
            if (KEPT[i].equalsIgnoreCase(name)) {
                return kept[i];
            }
        }
        return null;
    }
}
