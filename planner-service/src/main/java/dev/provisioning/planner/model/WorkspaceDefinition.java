package dev.provisioning.planner.model;

import java.util.List;
import java.util.Map;

/**
 * A declared workspace after parsing: its DNS settings, per region name what should run there, and its monthly
 * budget (null: none).
 */
public record WorkspaceDefinition(String name, DnsSettings dns, Map<String, RegionDefinition> regions, Budget budget) {

    /** What the workspace may cost per month, in US dollars; plans that would exceed it say so. */
    public record Budget(java.math.BigDecimal monthlyUsd) {
    }

    /**
     * The workspace's public DNS: the hosted zone, the TTL of the records it writes, the region that answers where
     * no other region's geolocation matches, and the health check of each regional name (null: none).
     */
    public record DnsSettings(String domain, int ttl, String defaultRegion, HealthCheck healthCheck) {
    }

    /** How each regional name is checked; DNS stops answering with a region whose check fails. */
    public record HealthCheck(String protocol, int port, String path, int interval, int threshold) {
    }

    /**
     * One region of the workspace, on one provider.
     *
     * @param location the provider's own region or location slug, e.g. {@code nyc3}
     * @param dnsLabel the label under the domain that points at this region, e.g. {@code us}
     * @param geo      the continent code whose resolvers the apex sends here, e.g. {@code NA}; null for none
     */
    public record RegionDefinition(String provider, String location, String dnsLabel, String geo,
                                   List<ResourceDefinition> resources) {
    }

    /**
     * One declared resource after {@code count} expansion.
     *
     * @param group      the declared name: the resource's own name, or the prefix of a counted group
     * @param declaredAt the path of its declaration, for error messages, e.g. {@code regions.us-east.resources[0]}
     */
    public record ResourceDefinition(String kind, String name, String group, Map<String, Object> spec,
                                     String declaredAt) {
    }
}
