package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP calls provctl makes, through {@link HttpClient}. With debug on, each call is printed (method, URL,
 * status, time; for a stream, when its headers arrive); headers are never printed, so no token can leak.
 */
public final class HttpCalls {

    /** A response: status, content type and body. */
    public record Reply(int status, String contentType, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /** A response whose body is read as it arrives; closing it closes the body (and drops the connection). */
    public record Streamed(int status, String contentType, InputStream body) implements AutoCloseable {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean isEventStream() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // Nothing more is read from it either way.
            }
        }
    }

    /** The service could not be reached at all (refused, timed out). */
    public static class Unreachable extends RuntimeException {
        public Unreachable(String message) {
            super(message);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final boolean debug;
    private final PrintWriter debugOut;

    public HttpCalls(boolean debug, PrintWriter debugOut) {
        this.debug = debug;
        this.debugOut = debugOut;
    }

    public Reply send(String method, URI uri, String jsonBody, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        HttpResponse<String> response = exchange(method, uri, request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /**
     * A GET whose body is read as it arrives (an event stream): the timeout covers waiting for the response's
     * headers, not the body, which lasts as long as the server keeps it open. {@code headers} are sent as given and,
     * like all headers, never printed.
     */
    public Streamed stream(URI uri, String accept, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept).GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = exchange("GET", uri, request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        return new Streamed(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    private <T> HttpResponse<T> exchange(String method, URI uri, HttpRequest request,
                                         HttpResponse.BodyHandler<T> bodyHandler) {
        long started = System.nanoTime();
        try {
            HttpResponse<T> response = client.send(request, bodyHandler);
            debug(method + " " + uri + " -> " + response.statusCode() + " (" + millisSince(started) + " ms)");
            return response;
        } catch (ConnectException | HttpTimeoutException e) {
            debug(method + " " + uri + " -> unreachable (" + millisSince(started) + " ms)");
            throw new Unreachable(uri.getScheme() + "://" + uri.getAuthority() + " is not reachable ("
                    + (e instanceof ConnectException ? "connection refused" : "timed out") + ")");
        } catch (IOException e) {
            debug(method + " " + uri + " -> " + e.getClass().getSimpleName() + " (" + millisSince(started) + " ms)");
            throw new Unreachable(uri.getScheme() + "://" + uri.getAuthority() + " is not reachable (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliFailure.FAILURE, "interrupted");
        }
    }

    public JsonNode json(Reply reply) {
        try {
            return mapper.readTree(reply.body());
        } catch (IOException e) {
            throw new CliFailure(CliFailure.FAILURE, "unreadable JSON reply (" + reply.status() + "): " + reply.body());
        }
    }

    /** Prints a line with the HTTP calls when debug is on. */
    void debug(String line) {
        if (debug) {
            debugOut.println("[http] " + line);
            debugOut.flush();
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
