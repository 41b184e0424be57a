package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A simulated DigitalOcean load balancer.
 *
 * @param sizeUnit   number of nodes (1–100), what DigitalOcean bills by
 * @param sizeSlug   the legacy size ({@code lb-small}, …) when the client asked by slug, else null
 * @param ip         public IPv4 address, null until the load balancer is active
 * @param dropletIds target droplets, empty when {@code tag} selects them
 * @param tag        tag selecting the target droplets, or null
 */
public record DigitalOceanLoadBalancer(
        String id,
        String name,
        String region,
        int sizeUnit,
        String sizeSlug,
        Status status,
        String ip,
        List<ForwardingRule> forwardingRules,
        HealthCheck healthCheck,
        String stickySessionsType,
        boolean redirectHttpToHttps,
        List<Integer> dropletIds,
        String tag,
        String vpcUuid,
        Instant createdAt) {

    /** Load balancer states as DigitalOcean names them. */
    public enum Status {
        NEW, ACTIVE, ERRORED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How traffic entering on one port is forwarded to the droplets. */
    public record ForwardingRule(String entryProtocol, int entryPort, String targetProtocol, int targetPort,
                                 String certificateId, boolean tlsPassthrough) {
    }

    /** How the load balancer decides a droplet is healthy. */
    public record HealthCheck(String protocol, int port, String path, int checkIntervalSeconds,
                              int responseTimeoutSeconds, int healthyThreshold, int unhealthyThreshold) {
    }

    public DigitalOceanLoadBalancer {
        forwardingRules = List.copyOf(forwardingRules);
        dropletIds = List.copyOf(dropletIds);
    }

    /** The URN DigitalOcean lists VPC members by. */
    public String urn() {
        return "do:loadbalancer:" + id;
    }

    public DigitalOceanLoadBalancer activated(String address) {
        return new DigitalOceanLoadBalancer(id, name, region, sizeUnit, sizeSlug, Status.ACTIVE, address,
                forwardingRules, healthCheck, stickySessionsType, redirectHttpToHttps, dropletIds, tag, vpcUuid,
                createdAt);
    }

    public DigitalOceanLoadBalancer withDropletIds(List<Integer> newDropletIds) {
        return new DigitalOceanLoadBalancer(id, name, region, sizeUnit, sizeSlug, status, ip, forwardingRules,
                healthCheck, stickySessionsType, redirectHttpToHttps, newDropletIds, tag, vpcUuid, createdAt);
    }

    public DigitalOceanLoadBalancer withForwardingRules(List<ForwardingRule> newRules) {
        return new DigitalOceanLoadBalancer(id, name, region, sizeUnit, sizeSlug, status, ip, newRules,
                healthCheck, stickySessionsType, redirectHttpToHttps, dropletIds, tag, vpcUuid, createdAt);
    }
}
