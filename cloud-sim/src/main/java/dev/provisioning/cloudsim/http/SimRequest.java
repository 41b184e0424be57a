package dev.provisioning.cloudsim.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An HTTP request as the provider emulations see it, detached from the server that received it. */
public final class SimRequest {

    private final String method;
    private final String rawPath;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * @param method   HTTP method, any case
     * @param rawPath  path as sent, still percent-encoded
     * @param rawQuery query string as sent without the '?', may be null
     * @param headers  request headers; names are matched case-insensitively
     * @param body     request body, empty when there is none
     */
    public SimRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method.toUpperCase(java.util.Locale.ROOT);
        this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        this.query = FormEncoding.parse(rawQuery);
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(byName);
        this.body = body.clone();
    }

    public String method() {
        return method;
    }

    /** The percent-encoded path, suitable for prefix matching. */
    public String path() {
        return rawPath;
    }

    /** Decoded, non-empty path segments: {@code /v2/droplets/7/} gives {@code [v2, droplets, 7]}. */
    public List<String> pathSegments() {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Scheme and authority the client used to reach us, for links that point back at the simulator. */
    public String baseUrl() {
        return "http://" + header("Host").orElse("127.0.0.1");
    }
}
