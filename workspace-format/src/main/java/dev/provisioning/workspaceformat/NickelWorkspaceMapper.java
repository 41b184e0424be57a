package dev.provisioning.workspaceformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.workspaceformat.WorkspaceConfig.ProviderRegion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what workspace.ncl evaluates to ({@code region_<name>.<resource> = provider.Type & {...}}, {@code dns}) plus
 * config.toml into the planner's workspace model ({@code {name, dns, regions: {<region_name>: {...}}}}).
 */
final class NickelWorkspaceMapper {

    private static final String REGION_PREFIX = "region_";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;
    private final List<String> problems = new ArrayList<>();

    NickelWorkspaceMapper(String file) {
        this.file = file;
    }

    ObjectNode toModel(JsonNode evaluated, WorkspaceConfig config, String folderName) {
        if (!evaluated.isObject()) {
            throw new WorkspaceFormatException(file + ": must evaluate to a record, not " + evaluated.getNodeType());
        }
        ObjectNode model = JSON.objectNode();
        model.put("name", workspaceName(evaluated, config, folderName));

        Map<String, JsonNode> declaredRegions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = evaluated.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.startsWith(REGION_PREFIX) && key.length() > REGION_PREFIX.length()) {
                declaredRegions.put(key, field.getValue());
            } else if (!key.equals("dns") && !key.equals("name")) {
                problem(key, "unknown top-level field (expected region_<name>, dns or name)");
            }
        }
        if (declaredRegions.isEmpty()) {
            problem("", "declares no region (fields named region_<name>, e.g. region_us_east.app_servers = ...)");
        }
        model.set("dns", dns(evaluated.get("dns"), config));
        ObjectNode regions = JSON.objectNode();
        // Regions in config.toml's order: the order operators wrote their providers in.
        List<String> mapped = new ArrayList<>();
        for (ProviderRegion provider : config.providers().values()) {
            String key = REGION_PREFIX + provider.regionName().replace('-', '_');
            JsonNode region = declaredRegions.get(key);
            if (region != null) {
                regions.set(provider.regionName(), region(key, region, provider));
                mapped.add(key);
            }
        }
        for (String key : declaredRegions.keySet()) {
            if (!mapped.contains(key)) {
                String regionName = key.substring(REGION_PREFIX.length()).replace('_', '-');
                problem(key, "config.toml has no [providers.<name>] with region_name = \"" + regionName
                        + "\" (it names: " + String.join(", ", config.providers().values().stream()
                        .map(ProviderRegion::regionName).toList()) + ")");
            }
        }
        model.set("regions", regions);
        if (config.budget() != null) {
            ObjectNode budget = model.putObject("budget");
            if (config.budget().has("monthly_usd")) {
                budget.set("monthlyUsd", config.budget().get("monthly_usd"));
            }
            if (config.budget().has("alert_percent")) {
                budget.set("alertPercent", config.budget().get("alert_percent"));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkspaceFormatException(problems);
        }
        return model;
    }

    private String workspaceName(JsonNode evaluated, WorkspaceConfig config, String folderName) {
        String declared = evaluated.hasNonNull("name") ? evaluated.get("name").asText() : null;
        if (declared != null && config.workspaceName() != null && !declared.equals(config.workspaceName())) {
            problem("name", "'" + declared + "' differs from config.toml's workspace.name '" + config.workspaceName() + "'");
        }
        return declared != null ? declared : config.workspaceName() != null ? config.workspaceName() : folderName;
    }

    private ObjectNode region(String key, JsonNode declared, ProviderRegion provider) {
        ObjectNode region = JSON.objectNode();
        region.put("provider", provider.provider());
        String locationKey = provider.provider().equals("hetzner") ? "location" : "region";
        String location = provider.location();
        String locationFrom = location == null ? null : "config.toml providers." + provider.provider() + ".location";
        ArrayNode resources = JSON.arrayNode();
        if (!declared.isObject()) {
            problem(key, "must be a record of resources, e.g. " + key + ".app_servers = ...");
            return region;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = key + "." + entry.getKey();
            JsonNode resource = entry.getValue();
            if (!resource.isObject() || !resource.hasNonNull("kind") || !resource.hasNonNull("provider")) {
                problem(path, "is not a resource: merge it with a type of the schema library, e.g. "
                        + provider.provider() + "." + exampleType(provider.provider()) + " & { ... }");
                continue;
            }
            String resourceProvider = resource.get("provider").asText();
            if (!resourceProvider.equals(provider.provider())) {
                problem(path, "is a " + resourceProvider + " resource, but config.toml puts region '"
                        + provider.regionName() + "' on " + provider.provider());
                continue;
            }
            JsonNode where = resource.get(locationKey);
            if (where != null && where.isTextual()) {
                if (location == null) {
                    location = where.asText();
                    locationFrom = path + "." + locationKey;
                } else if (!location.equals(where.asText())) {
                    problem(path + "." + locationKey, "'" + where.asText() + "' differs from '" + location
                            + "' (" + locationFrom + "); a region runs in one location");
                }
            }
            resources.add(resource(resource, locationKey));
        }
        if (location == null) {
            problem(key, "no resource says where the region runs: set " + locationKey + " = \"...\" on one of them"
                    + " or location in config.toml [providers." + provider.provider() + "]");
        }
        region.put("location", location);
        region.put("dnsLabel", provider.dnsLabel());
        if (provider.geo() != null) {
            region.put("geo", provider.geo());
        }
        region.set("resources", resources);
        return region;
    }

    private static ObjectNode resource(JsonNode declared, String locationKey) {
        ObjectNode resource = JSON.objectNode();
        resource.set("kind", declared.get("kind"));
        resource.set("name", declared.get("name"));
        if (declared.has("count")) {
            resource.set("count", declared.get("count"));
        }
        Set<String> placed = Set.of("kind", "name", "count", "provider", locationKey);
        declared.fields().forEachRemaining(entry -> {
            if (!placed.contains(entry.getKey())) {
                resource.set(entry.getKey(), entry.getValue());
            }
        });
        return resource;
    }

    private ObjectNode dns(JsonNode declared, WorkspaceConfig config) {
        ObjectNode dns = JSON.objectNode();
        JsonNode section = declared == null ? JSON.objectNode() : declared;
        if (!section.isObject()) {
            problem("dns", "must be a record, e.g. dns = global_dns.Dns & { ... }");
            section = JSON.objectNode();
        }
        String nclDomain = section.hasNonNull("domain") ? section.get("domain").asText() : null;
        if (config.domain() != null && nclDomain != null && !config.domain().equals(nclDomain)) {
            problem("dns.domain", "'" + nclDomain + "' differs from config.toml's [dns] domain '" + config.domain() + "'");
        }
        String domain = config.domain() != null ? config.domain() : nclDomain;
        if (domain == null) {
            problems.add("config.toml: dns.domain: required, e.g. [dns] domain = \"api.example.com\"");
        } else {
            dns.put("domain", domain);
        }
        JsonNode ttl = config.ttl() != null ? config.ttl() : section.get("ttl");
        if (ttl != null) {
            dns.set("ttl", ttl);
        }
        if (section.hasNonNull("default_region")) {
            dns.set("defaultRegion", section.get("default_region"));
        }
        ObjectNode healthCheck = JSON.objectNode();
        if (section.get("health_check") instanceof ObjectNode declaredCheck) {
            healthCheck.setAll(declaredCheck);
        }
        if (config.healthCheck() != null) {
            healthCheck.setAll(config.healthCheck());
        }
        if (!healthCheck.isEmpty()) {
            dns.set("healthCheck", healthCheck);
        }
        return dns;
    }

    private static String exampleType(String provider) {
        return switch (provider) {
            case "digitalocean" -> "Droplet";
            case "hetzner" -> "Server";
            default -> "EC2";
        };
    }

    private void problem(String path, String message) {
        problems.add(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }
}
