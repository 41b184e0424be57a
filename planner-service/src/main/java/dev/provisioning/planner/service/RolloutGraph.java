package dev.provisioning.planner.service;

import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.HealthCheck;
import dev.provisioning.planner.model.WorkspaceDefinition.RegionDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.ResourceDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a workspace definition into the nodes of a rollout's dependency graph. The edges come from references
 * between resources (a server's network, a load balancer's targets: network → servers → load balancer; a database
 * replica's primary, possibly in another region), and each
 * region's DNS record waits for the region's front resource (its load balancer, else its first server).
 */
public final class RolloutGraph {

    /** A node: a resource to provision with its command spec and context, or a DNS record to wait for. */
    public record Node(String key, boolean dns, ResourceAddress address, Provider provider, String providerRegion,
                       Map<String, Object> spec, Map<String, String> context, List<String> dependsOn) {
    }

    private RolloutGraph() {
    }

    /** The nodes for the whole workspace, or for one region when {@code onlyRegion} is set, in dependency order. */
    public static List<Node> of(WorkspaceDefinition workspace, String onlyRegion) {
        List<Node> nodes = new ArrayList<>();
        workspace.regions().forEach((regionName, region) -> {
            if (onlyRegion == null || onlyRegion.equals(regionName)) {
                addRegion(workspace, regionName, region, nodes);
            }
        });
        return topologicalOrder(nodes);
    }

    private static void addRegion(WorkspaceDefinition workspace, String regionName, RegionDefinition region, List<Node> nodes) {
        Provider provider = Provider.fromId(region.provider());
        ResourceDefinition front = region.dnsLabel() == null ? null : region.resources().stream()
                .filter(r -> ResourceKinds.of(provider, r.kind()).map(ResourceKinds.Kind::canFront).orElse(false))
                .min(Comparator.comparingInt(r -> ResourceKinds.of(provider, r.kind()).orElseThrow().frontPriority()))
                .orElse(null);
        ResourceAddress frontAddress = null;
        for (ResourceDefinition resource : region.resources()) {
            ResourceAddress address = new ResourceAddress(workspace.name(), regionName, resource.kind(), resource.name());
            Map<String, Object> spec = new LinkedHashMap<>(resource.spec());
            Set<String> dependsOn = new LinkedHashSet<>();
            ResourceKinds.of(provider, resource.kind()).ifPresent(kind -> kind.references().forEach((key, targetKind) -> {
                Object value = spec.get(key);
                if (value != null) {
                    List<String> targets = resolve(workspace.name(), regionName, region, targetKind, value);
                    dependsOn.addAll(targets);
                    spec.put(key, value instanceof List<?> ? targets : targets.get(0));
                }
            }));
            DatabaseTopology.resolve(workspace, regionName, spec.get(DatabaseTopology.PRIMARY_KEY))
                    .filter(primary -> DatabaseTopology.isDatabase(resource.kind()))
                    .ifPresent(primary -> {
                        dependsOn.add(primary.toString());
                        spec.put(DatabaseTopology.PRIMARY_KEY, primary.toString());
                    });
            Map<String, String> context = DatabaseTopology.context(workspace, regionName, resource);
            if (resource == front) {
                frontAddress = address;
                context = dnsContext(workspace, regionName, region);
            }
            nodes.add(new Node(address.toString(), false, address, provider, region.location(), spec, context,
                    List.copyOf(dependsOn)));
        }
        if (frontAddress != null) {
            ResourceAddress record = new ResourceAddress(workspace.name(), "global", "dns-record", dnsName(workspace, region));
            nodes.add(new Node(record.toString(), true, record, null, null, Map.of(), Map.of(),
                    List.of(frontAddress.toString())));
        }
    }

    /** Addresses of the resources a reference names: one resource, or every member of a counted group. */
    private static List<String> resolve(String workspace, String regionName, RegionDefinition region, String kind,
                                        Object value) {
        List<?> names = value instanceof List<?> list ? list : List.of(value);
        List<String> addresses = new ArrayList<>();
        for (Object name : names) {
            region.resources().stream()
                    .filter(r -> r.kind().equals(kind) && (r.name().equals(name) || r.group().equals(name)))
                    .map(r -> new ResourceAddress(workspace, regionName, kind, r.name()).toString())
                    .forEach(addresses::add);
        }
        return addresses;
    }

    private static String dnsName(WorkspaceDefinition workspace, RegionDefinition region) {
        return region.dnsLabel() + "." + workspace.dns().domain();
    }

    /** What dns-service needs to write the regional name, the region's apex record and its health check. */
    private static Map<String, String> dnsContext(WorkspaceDefinition workspace, String regionName, RegionDefinition region) {
        Map<String, String> context = new HashMap<>();
        context.put(ContextKeys.DNS_NAME, dnsName(workspace, region));
        context.put(ContextKeys.DNS_ZONE, workspace.dns().domain());
        context.put(ContextKeys.DNS_TTL, Integer.toString(workspace.dns().ttl()));
        boolean isDefault = regionName.equals(workspace.dns().defaultRegion());
        if (region.geo() != null || isDefault) {
            context.put(ContextKeys.DNS_APEX, workspace.dns().domain());
            context.put(ContextKeys.DNS_SET_ID, regionName);
            // The default region answers everywhere no other region's location matches, and its own continent too.
            context.put(ContextKeys.DNS_GEO, isDefault ? "*" : region.geo());
            if (isDefault && region.geo() != null) {
                context.put(ContextKeys.DNS_GEO_ALSO, region.geo());
            }
        }
        HealthCheck check = workspace.dns().healthCheck();
        if (check != null) {
            context.put(ContextKeys.DNS_HEALTH_PROTOCOL, check.protocol());
            context.put(ContextKeys.DNS_HEALTH_PORT, Integer.toString(check.port()));
            context.put(ContextKeys.DNS_HEALTH_PATH, check.path());
            context.put(ContextKeys.DNS_HEALTH_INTERVAL, Integer.toString(check.interval()));
            context.put(ContextKeys.DNS_HEALTH_THRESHOLD, Integer.toString(check.threshold()));
        }
        return Map.copyOf(context);
    }

    /** Dependencies first, otherwise in declaration order (Kahn's algorithm, stable). */
    static List<Node> topologicalOrder(List<Node> nodes) {
        Map<String, Node> byKey = new LinkedHashMap<>();
        nodes.forEach(n -> byKey.put(n.key(), n));
        List<Node> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < nodes.size()) {
            boolean progressed = false;
            for (Node node : byKey.values()) {
                if (!placed.contains(node.key()) && placed.containsAll(
                        node.dependsOn().stream().filter(byKey::containsKey).toList())) {
                    ordered.add(node);
                    placed.add(node.key());
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("the workspace's references form a cycle among "
                        + byKey.keySet().stream().filter(k -> !placed.contains(k)).toList());
            }
        }
        return ordered;
    }
}
