package dev.provisioning.digitaloceanagent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.agent.retry.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The managed database calls of the DigitalOcean API, all raw JSON over the agent's one connection because the SDK
 * has no database endpoints. Answers carry the cluster's password; only {@link DatabaseView}s, which drop it, leave
 * this class.
 */
@ApplicationScoped
public class DatabaseApi {

    private static final int PAGE_SIZE = 200;

    private final DigitalOceanConnection connection;

    public DatabaseApi(DigitalOceanConnection connection) {
        this.connection = connection;
    }

    /** Every cluster carrying the tag, following the pages of {@code GET /v2/databases?tag_name=…}. */
    public List<DatabaseView> listByTag(String tag) {
        String encoded = URLEncoder.encode(tag, StandardCharsets.UTF_8);
        List<DatabaseView> tagged = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = connection.send("list databases", "GET",
                    "/v2/databases?tag_name=" + encoded + "&page=" + page + "&per_page=" + PAGE_SIZE, null);
            for (JsonNode db : answer.path("databases")) {
                tagged.add(DatabaseView.of(db));
            }
            if (answer.path("links").path("pages").path("next").isMissingNode()
                    || answer.path("databases").isEmpty()) {
                return tagged;
            }
        }
    }

    /** {@code POST /v2/databases}. */
    public DatabaseView create(ObjectNode request) {
        JsonNode db = connection.send("create database " + request.path("name").asText(), "POST", "/v2/databases",
                request).path("database");
        if (!db.hasNonNull("id")) {
            throw ProviderException.of("unexpected_response", "the answer carried no database cluster", true);
        }
        return DatabaseView.of(db);
    }

    /** {@code DELETE /v2/databases/{uuid}}; a cluster that is already gone is not an error. */
    public void delete(String id) {
        try {
            connection.send("delete database " + id, "DELETE", "/v2/databases/" + id, null);
        } catch (ProviderException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
    }
}
