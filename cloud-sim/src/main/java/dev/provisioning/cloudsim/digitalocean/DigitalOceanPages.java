package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * DigitalOcean list pagination: {@code page} and {@code per_page} (default 20, at most 200), with
 * {@code links.pages} holding {@code first}/{@code prev} after page one and {@code next}/{@code last} before
 * the last page, and {@code meta.total}.
 */
final class DigitalOceanPages {

    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 200;

    private final SimRequest request;
    private final int page;
    private final int perPage;

    private DigitalOceanPages(SimRequest request, int page, int perPage) {
        this.request = request;
        this.page = page;
        this.perPage = perPage;
    }

    static DigitalOceanPages of(SimRequest request) {
        int page = Math.max(1, intParam(request, "page", 1));
        int perPage = intParam(request, "per_page", DEFAULT_PER_PAGE);
        perPage = perPage < 1 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
        return new DigitalOceanPages(request, page, perPage);
    }

    /** The items of the requested page. */
    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    /** Adds {@code links} and {@code meta} for a list of {@code total} items to a response body. */
    ObjectNode decorate(ObjectNode body, int total) {
        int lastPage = Math.max(1, (total + perPage - 1) / perPage);
        ObjectNode pages = SimJson.object();
        if (page > 1) {
            pages.put("first", link(1));
            pages.put("prev", link(Math.min(page - 1, lastPage)));
        }
        if (page < lastPage) {
            pages.put("next", link(page + 1));
            pages.put("last", link(lastPage));
        }
        ObjectNode links = body.putObject("links");
        if (!pages.isEmpty()) {
            links.set("pages", pages);
        }
        body.putObject("meta").put("total", total);
        return body;
    }

    private String link(int targetPage) {
        StringJoiner query = new StringJoiner("&");
        query.add("page=" + targetPage);
        query.add("per_page=" + perPage);
        for (Map.Entry<String, List<String>> param : request.queryParams().entrySet()) {
            if (param.getKey().equals("page") || param.getKey().equals("per_page")) {
                continue;
            }
            for (String value : param.getValue()) {
                query.add(encode(param.getKey()) + "=" + encode(value));
            }
        }
        return request.baseUrl() + request.path() + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int intParam(SimRequest request, String name, int fallback) {
        try {
            return request.queryParam(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
