package dev.provisioning.planner.service;

import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.RegionDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a workspace definition into the nodes of a rollout's dependency graph. Today the graph is servers, then the
 * regional DNS record pointing at the region's front server; networks, load balancers and databases slot in as
 * further layers (network → servers → load balancer → database primary → replicas → DNS).
 */
public final class RolloutGraph {

    /** A node: a resource to provision with its command spec and context, or a DNS record to wait for. */
    public record Node(String key, boolean dns, ResourceAddress address, Provider provider, String providerRegion,
                       Map<String, Object> spec, Map<String, String> context, List<String> dependsOn) {
    }

    private RolloutGraph() {
    }

    /** The nodes for the whole workspace, or for one region when {@code onlyRegion} is set. */
    public static List<Node> of(WorkspaceDefinition workspace, String onlyRegion) {
        List<Node> nodes = new ArrayList<>();
        workspace.regions().forEach((regionName, region) -> {
            if (onlyRegion == null || onlyRegion.equals(regionName)) {
                addRegion(workspace, regionName, region, nodes);
            }
        });
        return nodes;
    }

    private static void addRegion(WorkspaceDefinition workspace, String regionName, RegionDefinition region, List<Node> nodes) {
        Provider provider = Provider.fromId(region.provider());
        String dnsName = region.dnsLabel() == null ? null : region.dnsLabel() + "." + workspace.dns().domain();
        ResourceAddress front = null;
        for (ResourceDefinition resource : region.resources()) {
            ResourceAddress address = new ResourceAddress(workspace.name(), regionName, resource.kind(), resource.name());
            Map<String, String> context = Map.of();
            if (front == null && dnsName != null) {
                front = address;
                context = Map.of(ContextKeys.DNS_NAME, dnsName, ContextKeys.DNS_ZONE, workspace.dns().domain(),
                        ContextKeys.DNS_TTL, Integer.toString(workspace.dns().ttl()));
            }
            nodes.add(new Node(address.toString(), false, address, provider, region.location(), resource.spec(), context, List.of()));
        }
        if (front != null) {
            ResourceAddress record = new ResourceAddress(workspace.name(), "global", "dns-record", dnsName);
            nodes.add(new Node(record.toString(), true, record, null, null, Map.of(), Map.of(), List.of(front.toString())));
        }
    }
}
