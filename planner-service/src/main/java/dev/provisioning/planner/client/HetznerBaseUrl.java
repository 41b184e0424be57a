package dev.provisioning.planner.client;

import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends hetznercloud-api's requests to the configured endpoint: the SDK has {@code https://api.hetzner.cloud/v1}
 * as a constant, so every request under it is moved to the endpoint's scheme, host, port and base path.
 */
final class HetznerBaseUrl implements Interceptor {

    /** The base URL compiled into hetznercloud-api. */
    static final HttpUrl SDK_BASE = HttpUrl.get("https://api.hetzner.cloud/v1");

    private final HttpUrl endpoint;

    HetznerBaseUrl(HttpUrl endpoint) {
        this.endpoint = endpoint;
    }

    /** Whether an endpoint is the SDK's own base, which needs no rewrite. */
    static boolean isSdkBase(HttpUrl endpoint) {
        return endpoint.scheme().equals(SDK_BASE.scheme()) && endpoint.host().equalsIgnoreCase(SDK_BASE.host())
                && endpoint.port() == SDK_BASE.port() && segments(endpoint).equals(segments(SDK_BASE));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        List<String> base = segments(SDK_BASE);
        List<String> path = url.encodedPathSegments();
        if (!url.host().equalsIgnoreCase(SDK_BASE.host()) || path.size() < base.size()
                || !path.subList(0, base.size()).equals(base)) {
            return chain.proceed(request);
        }
        HttpUrl.Builder moved = endpoint.newBuilder().encodedPath("/").encodedQuery(url.encodedQuery());
        segments(endpoint).forEach(moved::addEncodedPathSegment);
        path.subList(base.size(), path.size()).forEach(moved::addEncodedPathSegment);
        return chain.proceed(request.newBuilder().url(moved.build()).build());
    }

    private static List<String> segments(HttpUrl url) {
        return url.encodedPathSegments().stream().filter(s -> !s.isEmpty()).toList();
    }
}
