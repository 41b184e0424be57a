package dev.provisioning.planner.service;

import dev.provisioning.contracts.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource kinds each provider's agent handles, the spec keys each requires, and which spec keys reference
 * other resources of the same region (by name; the planner turns them into addresses and graph edges). A database
 * replica's {@code primary} may be in another region: see {@link DatabaseTopology}.
 * See docs/resource-kinds.md.
 */
public final class ResourceKinds {

    /** One kind: required spec keys, reference keys with the kind they point at, and whether DNS may point at it. */
    public record Kind(String name, List<String> required, Map<String, String> references, int frontPriority) {

        /** Whether a region's DNS name may point at this kind; lower priority wins (load balancers before servers). */
        public boolean canFront() {
            return frontPriority > 0;
        }
    }

    private static final Map<Provider, List<Kind>> KINDS = Map.of(
            Provider.DIGITALOCEAN, List.of(
                    new Kind("vpc", List.of("ip_range"), Map.of(), 0),
                    new Kind("droplet", List.of("size"), Map.of("vpc", "vpc"), 2),
                    new Kind("load-balancer", List.of("targets"), Map.of("targets", "droplet", "vpc", "vpc"), 1),
                    new Kind("database", List.of("size"), Map.of("vpc", "vpc"), 0)),
            Provider.HETZNER, List.of(
                    new Kind("network", List.of("ip_range"), Map.of(), 0),
                    new Kind("server", List.of("server_type"), Map.of("network", "network"), 2),
                    new Kind("load-balancer", List.of("targets"), Map.of("targets", "server", "network", "network"), 1),
                    new Kind("volume", List.of("size"), Map.of("server", "server"), 0),
                    new Kind("database-replica", List.of("primary"),
                            Map.of("host", "server", "network", "network", "backup_volume", "volume"), 0)),
            Provider.AWS, List.of(
                    new Kind("vpc", List.of("cidr_block"), Map.of(), 0),
                    new Kind("ec2-instance", List.of("instance_type"), Map.of("vpc", "vpc"), 2),
                    new Kind("alb", List.of("targets", "vpc"), Map.of("targets", "ec2-instance", "vpc", "vpc"), 1),
                    new Kind("rds-instance", List.of("instance_class"), Map.of("vpc", "vpc"), 0)));

    private ResourceKinds() {
    }

    public static List<String> names(Provider provider) {
        return KINDS.get(provider).stream().map(Kind::name).toList();
    }

    public static Optional<Kind> of(Provider provider, String kind) {
        return KINDS.get(provider).stream().filter(k -> k.name().equals(kind)).findFirst();
    }
}
