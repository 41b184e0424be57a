package dev.provisioning.costservice.client;

import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends requests made under one base URL to another: hetznercloud-api has {@code https://api.hetzner.cloud/v1}
 * compiled in, so pointed at cloud-sim this swaps scheme, host, port and base path for the configured endpoint.
 */
public final class BaseUrlRewrite implements Interceptor {

    private final HttpUrl from;
    private final HttpUrl to;

    public BaseUrlRewrite(HttpUrl from, HttpUrl to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl rewritten = rewrite(request.url());
        return chain.proceed(rewritten.equals(request.url()) ? request : request.newBuilder().url(rewritten).build());
    }

    /** The URL under the new base, or the same URL when it is not under the old one. */
    HttpUrl rewrite(HttpUrl url) {
        List<String> basePath = segments(from);
        List<String> path = url.encodedPathSegments();
        boolean underBase = url.scheme().equals(from.scheme()) && url.host().equalsIgnoreCase(from.host())
                && url.port() == from.port() && path.size() >= basePath.size()
                && path.subList(0, basePath.size()).equals(basePath);
        if (!underBase) {
            return url;
        }
        HttpUrl.Builder target = to.newBuilder().encodedPath("/").encodedQuery(url.encodedQuery());
        for (String segment : segments(to)) {
            target.addEncodedPathSegment(segment);
        }
        for (String segment : path.subList(basePath.size(), path.size())) {
            target.addEncodedPathSegment(segment);
        }
        return target.build();
    }

    /** Path segments without the empty one a trailing slash leaves. */
    private static List<String> segments(HttpUrl url) {
        return url.encodedPathSegments().stream().filter(s -> !s.isEmpty()).toList();
    }
}
