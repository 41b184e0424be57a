package dev.provisioning.planner.model;

import java.util.List;
import java.util.Map;

/** A declared workspace after parsing: its DNS settings and, per region name, what should run there. */
public record WorkspaceDefinition(String name, DnsSettings dns, Map<String, RegionDefinition> regions) {

    /** The workspace's public DNS: the hosted zone and the TTL of the records it writes. */
    public record DnsSettings(String domain, int ttl) {
    }

    /**
     * One region of the workspace, on one provider.
     *
     * @param location the provider's own region or location slug, e.g. {@code nyc3}
     * @param dnsLabel the label under the domain that points at this region, e.g. {@code us}
     */
    public record RegionDefinition(String provider, String location, String dnsLabel, List<ResourceDefinition> resources) {
    }

    /**
     * One declared resource after {@code count} expansion.
     *
     * @param declaredAt the path of its declaration, for error messages, e.g. {@code regions.us-east.resources[0]}
     */
    public record ResourceDefinition(String kind, String name, Map<String, Object> spec, String declaredAt) {
    }
}
