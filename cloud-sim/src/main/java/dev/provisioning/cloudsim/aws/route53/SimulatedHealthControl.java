package dev.provisioning.cloudsim.aws.route53;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.HealthCheckStore;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code POST /_sim/health}: marks a health check target up or down, by exact name or IP ({@code target}) or for every
 * domain name starting with a prefix ({@code targetPrefix}, e.g. {@code "us."} for a whole region).
 * {@code DELETE /_sim/health} makes every endpoint healthy again at once.
 */
public final class SimulatedHealthControl {

    private static final Set<String> FIELDS = Set.of("target", "targetPrefix", "healthy");

    private SimulatedHealthControl() {
    }

    /** @throws IllegalArgumentException when the body is not a valid mark (the control API answers 400) */
    public static SimResponse mark(HealthCheckStore store, JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; known fields: " + FIELDS);
            }
        }
        boolean byTarget = body.hasNonNull("target") && !body.get("target").asText().isBlank();
        boolean byPrefix = body.hasNonNull("targetPrefix") && !body.get("targetPrefix").asText().isBlank();
        if (byTarget == byPrefix) {
            throw new IllegalArgumentException("give exactly one of 'target' (a domain name or IP address) and "
                    + "'targetPrefix' (e.g. \"us.\")");
        }
        if (!body.has("healthy") || !body.get("healthy").isBoolean()) {
            throw new IllegalArgumentException("'healthy' is required and must be true or false");
        }
        boolean healthy = body.get("healthy").asBoolean();
        Instant now = Instant.now();
        int matching = byTarget ? store.markTarget(body.get("target").asText(), healthy, now)
                : store.markPrefix(body.get("targetPrefix").asText(), healthy, now);
        return SimResponse.json(200, SimJson.object()
                .put(byTarget ? "target" : "targetPrefix", body.get(byTarget ? "target" : "targetPrefix").asText())
                .put("healthy", healthy)
                .put("matchingHealthChecks", matching));
    }

    public static SimResponse clear(HealthCheckStore store) {
        store.clearMarks();
        return SimResponse.empty(204);
    }
}
