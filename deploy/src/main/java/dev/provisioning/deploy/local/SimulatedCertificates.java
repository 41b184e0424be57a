package dev.provisioning.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one step the seed's operator does by hand before a deployment that no workspace declares: uploading the TLS
 * certificate its DigitalOcean load balancer serves. A workspace names it ({@code certificate_name} in a forwarding
 * rule); against cloud-sim, the local stack uploads a placeholder certificate under each such name that the
 * simulated account does not hold yet, so the seed's workspace applies as it stands.
 */
final class SimulatedCertificates {

    private final JsonHttp http;
    private final String cloudSimUrl;
    private final String token;
    private final PrintStream progress;

    SimulatedCertificates(JsonHttp http, String cloudSimUrl, String token, PrintStream progress) {
        this.http = http;
        this.cloudSimUrl = cloudSimUrl;
        this.token = token;
        this.progress = progress;
    }

    /** Uploads a certificate for every {@code certificate_name} of the workspace that cloud-sim does not know. */
    void ensureFor(JsonNode workspace) throws IOException, InterruptedException {
        Set<String> wanted = namesIn(workspace);
        if (wanted.isEmpty()) {
            return;
        }
        JsonHttp.Reply listed = http.get(cloudSimUrl + "/v2/certificates?per_page=200", token);
        if (!listed.ok()) {
            throw new IllegalStateException("cloud-sim did not list certificates (HTTP " + listed.status() + ")");
        }
        Set<String> present = new LinkedHashSet<>();
        listed.body().path("certificates").forEach(c -> present.add(c.path("name").asText()));
        for (String name : wanted) {
            if (present.contains(name)) {
                continue;
            }
            ObjectNode body = JsonHttp.MAPPER.createObjectNode()
                    .put("name", name)
                    .put("type", "custom")
                    .put("private_key", "-----BEGIN PRIVATE KEY-----\nc2ltdWxhdGVk\n-----END PRIVATE KEY-----")
                    .put("leaf_certificate", "-----BEGIN CERTIFICATE-----\nc2ltdWxhdGVk\n-----END CERTIFICATE-----");
            JsonHttp.Reply created = http.post(cloudSimUrl + "/v2/certificates", body.toString(), token);
            if (created.status() != 201) {
                throw new IllegalStateException("cloud-sim refused certificate '" + name + "' (HTTP "
                        + created.status() + "): " + created.body());
            }
            progress.printf("Uploaded a placeholder certificate '%s' to cloud-sim's DigitalOcean account%n", name);
        }
    }

    /** Every {@code certificate_name} of every DigitalOcean forwarding rule in the workspace. */
    static Set<String> namesIn(JsonNode workspace) {
        Set<String> names = new LinkedHashSet<>();
        List<JsonNode> resources = new ArrayList<>();
        workspace.path("regions").forEach(region -> region.path("resources").forEach(resources::add));
        for (JsonNode resource : resources) {
            for (JsonNode rule : resource.path("forwarding_rules")) {
                String name = rule.path("certificate_name").asText("");
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
