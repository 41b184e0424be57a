package dev.provisioning.hetzneragent.client;

import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends the SDK's requests to another base URL: hetznercloud-api has {@code https://api.hetzner.cloud/v1} as a
 * constant, so in simulation mode this interceptor swaps scheme, host, port and base path for cloud-sim's.
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
        return chain.proceed(rewritten == request.url() ? request : request.newBuilder().url(rewritten).build());
    }

    /** The URL under the new base, or the same URL when it is not under the old one. */
    HttpUrl rewrite(HttpUrl url) {
        List<String> basePath = nonEmpty(from.encodedPathSegments());
        List<String> path = url.encodedPathSegments();
        if (!url.host().equalsIgnoreCase(from.host()) || url.port() != from.port()
                || !url.scheme().equals(from.scheme()) || path.size() < basePath.size()
                || !path.subList(0, basePath.size()).equals(basePath)) {
            return url;
        }
        HttpUrl.Builder target = to.newBuilder().encodedQuery(url.encodedQuery());
        List<String> toPath = to.pathSegments();
        if (!toPath.isEmpty() && toPath.get(toPath.size() - 1).isEmpty()) {
            // "http://host/v1/" ends in an empty segment, which would leave "//" before the appended path.
            target.removePathSegment(toPath.size() - 1);
        }
        for (String segment : path.subList(basePath.size(), path.size())) {
            target.addEncodedPathSegment(segment);
        }
        return target.build();
    }

    private static List<String> nonEmpty(List<String> segments) {
        return segments.stream().filter(s -> !s.isEmpty()).toList();
    }
}
