package dev.provisioning.workspaceformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * config.toml next to workspace.ncl: per provider the region's name, DNS label, continent and location; the DNS
 * domain and health check; the monthly budget. Credentials are refused, never read.
 */
record WorkspaceConfig(String workspaceName, Map<String, ProviderRegion> providers, String domain, JsonNode ttl,
                       ObjectNode healthCheck, ObjectNode budget) {

    /** The region one provider serves in this workspace. */
    record ProviderRegion(String provider, String regionName, String dnsLabel, String geo, String location) {
    }

    static final String FILE_NAME = "config.toml";
    private static final Set<String> TOP_LEVEL = Set.of("workspace", "providers", "dns", "budget");
    private static final Set<String> PROVIDERS = Set.of("digitalocean", "hetzner", "aws");
    private static final Set<String> PROVIDER_KEYS = Set.of("region_name", "dns_label", "geo", "location");
    private static final Set<String> DNS_KEYS = Set.of("domain", "ttl", "health_check");
    private static final Set<String> HEALTH_KEYS = Set.of("protocol", "port", "path", "interval", "threshold");
    private static final Set<String> BUDGET_KEYS = Set.of("monthly_usd", "alert_percent");
    private static final Pattern CREDENTIAL = Pattern.compile(
            ".*(token|secret|password|passwd|access_key|api_key|credential).*", Pattern.CASE_INSENSITIVE);

    static WorkspaceConfig read(Path file) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new WorkspaceFormatException(FILE_NAME + ": " + (Files.exists(file)
                    ? "not valid TOML: " + e.getMessage().lines().findFirst().orElse("")
                    : "missing: workspace.ncl needs a config.toml next to it with [providers.<name>] region_name"));
        }
        List<String> problems = new ArrayList<>();
        refuseCredentials(root, "", problems);
        allowOnly(root, TOP_LEVEL, "", problems);
        String name = text(root.path("workspace"), "name", "workspace.name", problems);
        allowOnly(root.path("workspace"), Set.of("name"), "workspace.", problems);

        Map<String, ProviderRegion> providers = new LinkedHashMap<>();
        JsonNode providerTables = root.path("providers");
        allowOnly(providerTables, PROVIDERS, "providers.", problems);
        for (Iterator<Map.Entry<String, JsonNode>> it = providerTables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String provider = entry.getKey();
            JsonNode table = entry.getValue();
            String prefix = "providers." + provider + ".";
            if (!PROVIDERS.contains(provider)) {
                continue;
            }
            allowOnly(table, PROVIDER_KEYS, prefix, problems);
            String regionName = text(table, "region_name", prefix + "region_name", problems);
            if (regionName == null) {
                problems.add(FILE_NAME + ": " + prefix + "region_name: required (e.g. \"us-east\")");
                continue;
            }
            String label = text(table, "dns_label", prefix + "dns_label", problems);
            if (label == null) {
                // The seed's naming: us-east → us., eu-central → eu., asia-southeast → asia.
                label = regionName.split("-")[0];
            }
            providers.put(provider, new ProviderRegion(provider, regionName, label,
                    text(table, "geo", prefix + "geo", problems), text(table, "location", prefix + "location", problems)));
        }
        if (providers.isEmpty() && problems.isEmpty()) {
            problems.add(FILE_NAME + ": providers: at least one [providers.<name>] table with region_name is required"
                    + " (names: " + String.join(", ", PROVIDERS.stream().sorted().toList()) + ")");
        }
        JsonNode dns = root.path("dns");
        allowOnly(dns, DNS_KEYS, "dns.", problems);
        String domain = text(dns, "domain", "dns.domain", problems);
        JsonNode ttl = dns.get("ttl");
        ObjectNode healthCheck = null;
        if (dns.has("health_check")) {
            if (!dns.get("health_check").isObject()) {
                problems.add(FILE_NAME + ": dns.health_check: must be a table");
            } else {
                healthCheck = (ObjectNode) dns.get("health_check");
                allowOnly(healthCheck, HEALTH_KEYS, "dns.health_check.", problems);
            }
        }
        ObjectNode budget = null;
        if (root.has("budget")) {
            if (!root.get("budget").isObject()) {
                problems.add(FILE_NAME + ": budget: must be a table");
            } else {
                budget = (ObjectNode) root.get("budget");
                allowOnly(budget, BUDGET_KEYS, "budget.", problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkspaceFormatException(problems);
        }
        return new WorkspaceConfig(name, providers, domain, ttl, healthCheck, budget);
    }

    /** The provider whose region has this name, if config.toml names it. */
    ProviderRegion regionNamed(String regionName) {
        return providers.values().stream().filter(p -> p.regionName().equals(regionName)).findFirst().orElse(null);
    }

    private static void refuseCredentials(JsonNode node, String path, List<String> problems) {
        node.fields().forEachRemaining(entry -> {
            String at = path + entry.getKey();
            if (CREDENTIAL.matcher(entry.getKey()).matches()) {
                problems.add(FILE_NAME + ": " + at + ": credentials are never read from config.toml; the agents take"
                        + " them from their environment (DIGITALOCEAN_TOKEN, HCLOUD_TOKEN, AWS_ACCESS_KEY_ID /"
                        + " AWS_SECRET_ACCESS_KEY)");
            } else if (entry.getValue().isObject()) {
                refuseCredentials(entry.getValue(), at + ".", problems);
            }
        });
    }

    private static void allowOnly(JsonNode table, Set<String> allowed, String prefix, List<String> problems) {
        table.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key) && !CREDENTIAL.matcher(key).matches()) {
                problems.add(FILE_NAME + ": " + prefix + key + ": unknown key (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String text(JsonNode table, String key, String path, List<String> problems) {
        JsonNode node = table.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(FILE_NAME + ": " + path + ": must be a non-empty string");
            return null;
        }
        return node.asText();
    }
}
