package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The planner's REST API as provctl uses it; non-2xx answers become {@link CliFailure}s with readable text. */
public final class PlannerApi {

    private final URI base;
    private final HttpCalls http;

    public PlannerApi(String baseUrl, HttpCalls http) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.http = http;
    }

    public String baseUrl() {
        return base.toString();
    }

    public HttpCalls.Reply plan(String workspace, String regionOrNull, String modelJson) {
        return http.send("POST", uri("/api/v1/workspaces/" + encode(workspace) + "/plan" + regionQuery(regionOrNull)),
                modelJson, "application/json");
    }

    public JsonNode declare(String workspace, String modelJson) {
        return expectJson(http.send("POST", uri("/api/v1/workspaces/" + encode(workspace)), modelJson,
                "application/json"));
    }

    public JsonNode apply(String workspace, String regionOrNull) {
        return expectJson(http.send("POST", uri("/api/v1/workspaces/" + encode(workspace) + "/apply"
                + regionQuery(regionOrNull)), null, "application/json"));
    }

    /** Applies a stored plan by id; the planner declares the plan's definition and refuses a stale plan. */
    public JsonNode applyPlan(String workspace, String planId) {
        return expectJson(http.send("POST", uri("/api/v1/workspaces/" + encode(workspace) + "/apply?planId="
                + encode(planId)), null, "application/json"));
    }

    public JsonNode destroy(String workspace) {
        return expectJson(http.send("DELETE", uri("/api/v1/workspaces/" + encode(workspace)), null, "application/json"));
    }

    public JsonNode rollout(String id) {
        return expectJson(http.send("GET", uri("/api/v1/rollouts/" + encode(id)), null, "application/json"));
    }

    /**
     * The rollout's progress as Server-Sent Events, opened for reading as they arrive; with a non-empty
     * {@code lastEventId}, resumed after that event ({@code Last-Event-ID}). Any status comes back as it is.
     */
    public HttpCalls.Streamed rolloutEvents(String id, String lastEventId) {
        return http.stream(uri("/api/v1/rollouts/" + encode(id) + "/events"), "text/event-stream",
                lastEventId == null || lastEventId.isEmpty() ? Map.of() : Map.of("Last-Event-ID", lastEventId));
    }

    /** A note among the HTTP calls printed with {@code --debug}. */
    void debug(String line) {
        http.debug(line);
    }

    public JsonNode rollouts(String workspace) {
        return expectJson(http.send("GET", uri("/api/v1/workspaces/" + encode(workspace) + "/rollouts"), null,
                "application/json"));
    }

    /** The parsed body of a 2xx reply; otherwise a failure (exit 2 for a rejected definition, 1 for the rest). */
    public JsonNode expectJson(HttpCalls.Reply reply) {
        if (!reply.ok()) {
            throw failure(reply);
        }
        return http.json(reply);
    }

    public static CliFailure failure(HttpCalls.Reply reply) {
        int exit = reply.status() == 400 || reply.status() == 422 ? CliFailure.INVALID : CliFailure.FAILURE;
        String text = reply.isProblem() || looksLikeProblem(reply.body())
                ? ProblemRenderer.render(reply.status(), reply.body())
                : "The planner answered " + reply.status() + (reply.body() == null || reply.body().isBlank() ? ""
                : ": " + reply.body());
        return new CliFailure(exit, text);
    }

    private static boolean looksLikeProblem(String body) {
        return body != null && body.trim().startsWith("{") && body.contains("\"title\"");
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String regionQuery(String region) {
        return region == null ? "" : "?region=" + encode(region);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
