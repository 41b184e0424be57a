package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimRequest;
import java.util.List;

/**
 * Hetzner's page-based pagination: {@code page} (from 1) and {@code per_page} (default 25, at most 50), reported
 * in {@code meta.pagination} with {@code next_page} null on the last page, which is how clients know to stop.
 */
final class HetznerPages {

    static final int DEFAULT_PER_PAGE = 25;
    static final int MAX_PER_PAGE = 50;

    private final int page;
    private final int perPage;

    private HetznerPages(int page, int perPage) {
        this.page = page;
        this.perPage = perPage;
    }

    static HetznerPages of(SimRequest request) {
        int page = number(request, "page", 1);
        int perPage = Math.min(MAX_PER_PAGE, number(request, "per_page", DEFAULT_PER_PAGE));
        return new HetznerPages(Math.max(1, page), Math.max(1, perPage));
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    /** Adds {@code meta.pagination} for a listing of {@code total} entries to the body. */
    ObjectNode decorate(ObjectNode body, int total) {
        int lastPage = Math.max(1, (total + perPage - 1) / perPage);
        ObjectNode pagination = body.putObject("meta").putObject("pagination");
        pagination.put("page", page).put("per_page", perPage);
        if (page > 1) {
            pagination.put("previous_page", Math.min(page - 1, lastPage));
        } else {
            pagination.putNull("previous_page");
        }
        if (page < lastPage) {
            pagination.put("next_page", page + 1);
        } else {
            pagination.putNull("next_page");
        }
        pagination.put("last_page", lastPage).put("total_entries", total);
        return body;
    }

    private static int number(SimRequest request, String name, int fallback) {
        String text = request.queryParam(name).orElse(null);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw RejectedHetznerRequest.invalidInput(name, name + " must be a number");
        }
    }
}
