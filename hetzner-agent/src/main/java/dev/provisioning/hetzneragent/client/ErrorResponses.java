package dev.provisioning.hetzneragent.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps the last error response the calling thread received: its status, rate-limit headers and body. The SDK
 * throws {@code APIRequestException} without status or headers, and fails outright on error codes its enum does
 * not know, so classification reads what is kept here instead.
 */
public final class ErrorResponses implements Interceptor {

    /** An error answer: status, {@code Retry-After}, {@code RateLimit-Reset} and the body text. */
    public record ErrorResponse(int status, String retryAfter, String rateLimitReset, String body) {
    }

    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final ThreadLocal<ErrorResponse> last = new ThreadLocal<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() >= 400) {
            last.set(new ErrorResponse(response.code(), response.header("Retry-After"),
                    response.header("RateLimit-Reset"), response.peekBody(MAX_BODY_BYTES).string()));
        }
        return response;
    }

    /** Forgets the previous call's error, so a later failure is never paired with a stale answer. */
    public void clear() {
        last.remove();
    }

    /** The error response of the current call on this thread, or null when it got none. */
    public ErrorResponse last() {
        return last.get();
    }
}
