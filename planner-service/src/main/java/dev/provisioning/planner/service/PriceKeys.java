package dev.provisioning.planner.service;

import dev.provisioning.contracts.Provider;
import java.util.Map;
import java.util.Optional;

/**
 * The price key cost-service prices a declared resource by, the same key its agent reports in {@code ResourceReady}
 * (see docs/resource-kinds.md), with how many units it is billed for. Networks are free: no key.
 */
public final class PriceKeys {

    /** A key and the number of units (GB for volumes, else 1). */
    public record Priced(String key, int units) {
    }

    private PriceKeys() {
    }

    public static Optional<Priced> of(Provider provider, String kind, String location, Map<String, Object> spec) {
        String key = switch (provider) {
            case DIGITALOCEAN -> switch (kind) {
                case "droplet" -> "digitalocean:size:" + spec.get("size");
                case "load-balancer" -> "digitalocean:load-balancer:" + spec.getOrDefault("size_unit", 1);
                case "database" -> "digitalocean:database:" + spec.get("size") + ":" + spec.getOrDefault("num_nodes", 1);
                default -> null;
            };
            case HETZNER -> switch (kind) {
                case "server" -> "hetzner:server-type:" + spec.get("server_type") + ":" + location;
                case "load-balancer" -> "hetzner:load-balancer-type:" + spec.getOrDefault("load_balancer_type", "lb11")
                        + ":" + location;
                case "volume" -> "hetzner:volume:" + location;
                // A replica on one of the region's servers costs nothing more; a dedicated one is a server.
                case "database-replica" -> spec.get("host") != null ? null
                        : "hetzner:server-type:" + spec.getOrDefault("server_type", "cpx22") + ":" + location;
                default -> null;
            };
            case AWS -> switch (kind) {
                case "ec2-instance" -> "aws:ec2:" + spec.get("instance_type") + ":" + location;
                case "alb" -> "aws:elbv2:application:" + location;
                case "rds-instance" -> "aws:rds:" + spec.getOrDefault("instance_class", "db.t3.medium") + ":" + location;
                default -> null;
            };
        };
        if (key == null) {
            return Optional.empty();
        }
        int units = "volume".equals(kind) && spec.get("size") instanceof Number size ? size.intValue() : 1;
        return Optional.of(new Priced(key, units));
    }
}
