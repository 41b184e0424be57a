package dev.provisioning.planner.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.planner.model.FieldError;
import dev.provisioning.planner.model.InvalidWorkspaceException;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.DnsSettings;
import dev.provisioning.planner.model.WorkspaceDefinition.HealthCheck;
import dev.provisioning.planner.model.WorkspaceDefinition.RegionDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.ResourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a workspace from JSON into a {@link WorkspaceDefinition}, collecting every structural problem (with its path)
 * instead of stopping at the first, so the operator fixes them all in one go.
 */
@ApplicationScoped
public class WorkspaceParser {

    static final int MAX_COUNT = 100;
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final List<String> PROVIDERS = Arrays.stream(Provider.values()).map(Provider::id).toList();
    private static final List<String> CONTINENTS = List.of("AF", "AN", "AS", "EU", "NA", "OC", "SA");
    private static final List<String> HEALTH_PROTOCOLS = List.of("HTTPS", "HTTP", "TCP");

    private final ObjectMapper mapper = new ObjectMapper();

    public WorkspaceDefinition parse(String workspaceName, String json) {
        List<FieldError> errors = new ArrayList<>();
        if (!ResourceAddress.isValidSegment(workspaceName)) {
            errors.add(FieldError.of("name", workspaceName,
                    "a workspace name uses lowercase letters, digits, '.', '_' or '-' (1-128 characters)"));
        }
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            errors.add(FieldError.of("$", null, "malformed JSON" + where + ": " + e.getOriginalMessage()));
            throw new InvalidWorkspaceException(errors);
        }
        if (root == null || !root.isObject()) {
            errors.add(FieldError.of("$", root == null ? null : root.toString(), "the workspace must be a JSON object"));
            throw new InvalidWorkspaceException(errors);
        }
        JsonNode declaredName = root.get("name");
        if (declaredName != null && !declaredName.asText().equals(workspaceName)) {
            errors.add(FieldError.of("name", declaredName.asText(),
                    "differs from the workspace name in the URL ('" + workspaceName + "')"));
        }
        DnsSettings dns = parseDns(root.get("dns"), errors);
        Map<String, RegionDefinition> regions = parseRegions(root.get("regions"), errors);
        if (dns != null && dns.defaultRegion() != null && !regions.containsKey(dns.defaultRegion())) {
            errors.add(new FieldError("dns.defaultRegion", dns.defaultRegion(), "not a region of this workspace",
                    List.copyOf(regions.keySet())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidWorkspaceException(errors);
        }
        WorkspaceDefinition.Budget budget = parseBudget(root.get("budget"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidWorkspaceException(errors);
        }
        return new WorkspaceDefinition(workspaceName, dns, regions, budget);
    }

    private static WorkspaceDefinition.Budget parseBudget(JsonNode budget, List<FieldError> errors) {
        if (budget == null || budget.isNull()) {
            return null;
        }
        JsonNode monthly = budget.get("monthlyUsd");
        if (!budget.isObject() || monthly == null || !monthly.isNumber() || monthly.decimalValue().signum() <= 0) {
            errors.add(FieldError.of(budget.isObject() ? "budget.monthlyUsd" : "budget",
                    text(budget.isObject() ? monthly : budget), "must be a positive number of US dollars per month"));
            return null;
        }
        return new WorkspaceDefinition.Budget(monthly.decimalValue());
    }

    private DnsSettings parseDns(JsonNode dns, List<FieldError> errors) {
        if (dns == null || !dns.isObject()) {
            errors.add(FieldError.of("dns", text(dns), "required: an object with 'domain' (and optionally 'ttl')"));
            return null;
        }
        String domain = requiredText(dns, "domain", "dns.domain", errors);
        if (domain != null && !HOSTNAME.matcher(domain).matches()) {
            errors.add(FieldError.of("dns.domain", domain, "not a valid lowercase domain name such as api.example.com"));
        }
        int ttl = 60;
        JsonNode ttlNode = dns.get("ttl");
        if (ttlNode != null) {
            if (!ttlNode.canConvertToInt() || !ttlNode.isIntegralNumber() || ttlNode.asInt() < 1 || ttlNode.asInt() > 86400) {
                errors.add(FieldError.of("dns.ttl", text(ttlNode), "must be an integer number of seconds from 1 to 86400"));
            } else {
                ttl = ttlNode.asInt();
            }
        }
        String defaultRegion = null;
        JsonNode defaultNode = dns.get("defaultRegion");
        if (defaultNode != null) {
            if (!defaultNode.isTextual()) {
                errors.add(FieldError.of("dns.defaultRegion", text(defaultNode), "must be the name of one of the regions"));
            } else {
                defaultRegion = defaultNode.asText();
            }
        }
        return new DnsSettings(domain, ttl, defaultRegion, parseHealthCheck(dns.get("healthCheck"), errors));
    }

    private static HealthCheck parseHealthCheck(JsonNode check, List<FieldError> errors) {
        if (check == null || check.isNull()) {
            return null;
        }
        if (!check.isObject()) {
            errors.add(FieldError.of("dns.healthCheck", text(check), "must be an object with protocol, port, path"));
            return null;
        }
        String protocol = check.path("protocol").asText("HTTPS");
        if (!HEALTH_PROTOCOLS.contains(protocol)) {
            errors.add(new FieldError("dns.healthCheck.protocol", protocol, "not a health check protocol", HEALTH_PROTOCOLS));
        }
        int port = intIn(check, "port", "HTTPS".equals(protocol) ? 443 : 80, 1, 65535, "dns.healthCheck.port", errors);
        String path = check.path("path").asText("/health");
        if (!path.startsWith("/")) {
            errors.add(FieldError.of("dns.healthCheck.path", path, "must start with '/'"));
        }
        int interval = check.path("interval").asInt(30);
        if (interval != 10 && interval != 30) {
            errors.add(new FieldError("dns.healthCheck.interval", text(check.get("interval")),
                    "Route53 checks every 10 or 30 seconds", List.of("10", "30")));
        }
        int threshold = intIn(check, "threshold", 3, 1, 10, "dns.healthCheck.threshold", errors);
        return new HealthCheck(protocol, port, path, interval, threshold);
    }

    private static int intIn(JsonNode parent, String field, int fallback, int min, int max, String path,
                             List<FieldError> errors) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            errors.add(FieldError.of(path, text(node), "must be an integer from " + min + " to " + max));
            return fallback;
        }
        return node.asInt();
    }

    private Map<String, RegionDefinition> parseRegions(JsonNode regions, List<FieldError> errors) {
        Map<String, RegionDefinition> result = new LinkedHashMap<>();
        if (regions == null || !regions.isObject() || regions.isEmpty()) {
            errors.add(FieldError.of("regions", text(regions), "required: an object with at least one region, keyed by region name"));
            return result;
        }
        Set<String> dnsLabels = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = regions.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String regionName = entry.getKey();
            String path = "regions." + regionName;
            if (!ResourceAddress.isValidSegment(regionName)) {
                errors.add(FieldError.of(path, regionName, "a region name uses lowercase letters, digits, '.', '_' or '-'"));
                continue;
            }
            JsonNode region = entry.getValue();
            if (!region.isObject()) {
                errors.add(FieldError.of(path, text(region), "must be an object with provider, location and resources"));
                continue;
            }
            String provider = requiredText(region, "provider", path + ".provider", errors);
            if (provider != null && !PROVIDERS.contains(provider)) {
                errors.add(new FieldError(path + ".provider", provider, "unknown provider", PROVIDERS));
            }
            String location = requiredText(region, "location", path + ".location", errors);
            String dnsLabel = null;
            JsonNode labelNode = region.get("dnsLabel");
            if (labelNode != null) {
                dnsLabel = labelNode.asText();
                if (!labelNode.isTextual() || !DNS_LABEL.matcher(dnsLabel).matches()) {
                    errors.add(FieldError.of(path + ".dnsLabel", text(labelNode), "must be one lowercase DNS label such as 'us'"));
                } else if (!dnsLabels.add(dnsLabel)) {
                    errors.add(FieldError.of(path + ".dnsLabel", dnsLabel, "already used by another region"));
                }
            }
            String geo = null;
            JsonNode geoNode = region.get("geo");
            if (geoNode != null) {
                geo = geoNode.asText();
                if (!CONTINENTS.contains(geo)) {
                    errors.add(new FieldError(path + ".geo", text(geoNode), "not a continent code", CONTINENTS));
                }
            }
            List<ResourceDefinition> resources = parseResources(region.get("resources"), path + ".resources", errors);
            result.put(regionName, new RegionDefinition(provider, location, dnsLabel, geo, resources));
        }
        return result;
    }

    private List<ResourceDefinition> parseResources(JsonNode resources, String path, List<FieldError> errors) {
        List<ResourceDefinition> result = new ArrayList<>();
        if (resources == null) {
            return result;
        }
        if (!resources.isArray()) {
            errors.add(FieldError.of(path, text(resources), "must be an array of resources"));
            return result;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            JsonNode resource = resources.get(i);
            String at = path + "[" + i + "]";
            if (!resource.isObject()) {
                errors.add(FieldError.of(at, text(resource), "must be an object with kind and name"));
                continue;
            }
            String kind = requiredText(resource, "kind", at + ".kind", errors);
            String name = requiredText(resource, "name", at + ".name", errors);
            if (name != null && !ResourceAddress.isValidSegment(name)) {
                errors.add(FieldError.of(at + ".name", name, "a resource name uses lowercase letters, digits, '.', '_' or '-'"));
                name = null;
            }
            Integer count = null;
            JsonNode countNode = resource.get("count");
            if (countNode != null) {
                if (!countNode.isIntegralNumber() || countNode.asInt() < 1 || countNode.asInt() > MAX_COUNT) {
                    errors.add(FieldError.of(at + ".count", text(countNode), "must be an integer from 1 to " + MAX_COUNT));
                } else {
                    count = countNode.asInt();
                }
            }
            if (kind == null || name == null) {
                continue;
            }
            Map<String, Object> spec = new LinkedHashMap<>(mapper.convertValue(resource, Map.class));
            spec.remove("kind");
            spec.remove("name");
            spec.remove("count");
            List<String> expanded = new ArrayList<>();
            if (count == null) {
                expanded.add(name);
            } else {
                for (int n = 1; n <= count; n++) {
                    expanded.add(name + "-" + n);
                }
            }
            for (String resourceName : expanded) {
                if (!names.add(kind + "/" + resourceName)) {
                    errors.add(FieldError.of(at + ".name", resourceName, "another " + kind + " in this region has the same name"));
                } else {
                    result.add(new ResourceDefinition(kind, resourceName, name, spec, at));
                }
            }
        }
        return result;
    }

    private static String requiredText(JsonNode parent, String field, String path, List<FieldError> errors) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            errors.add(FieldError.of(path, null, "required"));
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            errors.add(FieldError.of(path, text(node), "must be a non-empty string"));
            return null;
        }
        return node.asText();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }
}
