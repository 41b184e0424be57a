package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Turns an RFC 7807 problem+json body into a readable list: {@code field: message (value) — allowed: …}. */
public final class ProblemRenderer {

    private static final int MAX_ALLOWED_SHOWN = 12;

    private ProblemRenderer() {
    }

    public static String render(int status, String body) {
        JsonNode problem;
        try {
            problem = new ObjectMapper().readTree(body);
        } catch (IOException e) {
            return "The planner answered " + status + ": " + body;
        }
        StringBuilder text = new StringBuilder();
        text.append(problem.path("title").asText("The request failed")).append(" (").append(status).append(")");
        JsonNode errors = problem.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            for (JsonNode error : errors) {
                text.append("\n  ").append(line(error));
            }
        } else if (problem.hasNonNull("detail")) {
            text.append("\n  ").append(problem.get("detail").asText());
        }
        return text.toString();
    }

    static String line(JsonNode error) {
        StringBuilder line = new StringBuilder();
        line.append(error.path("field").asText("?")).append(": ").append(error.path("message").asText(""));
        JsonNode value = error.get("value");
        if (value != null && !value.isNull()) {
            line.append(" (").append(value.isTextual() ? value.asText() : value.toString()).append(")");
        }
        JsonNode allowed = error.get("allowed");
        if (allowed != null && allowed.isArray() && !allowed.isEmpty()) {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < Math.min(allowed.size(), MAX_ALLOWED_SHOWN); i++) {
                shown.add(allowed.get(i).asText());
            }
            line.append(" — allowed: ").append(String.join(", ", shown));
            if (allowed.size() > MAX_ALLOWED_SHOWN) {
                line.append(", … (").append(allowed.size() - MAX_ALLOWED_SHOWN).append(" more)");
            }
        }
        return line.toString();
    }
}
