package dev.provisioning.costservice;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a resource is for, in billing terms: the rows of the cost table, derived from the address kind. */
public enum Component {
    COMPUTE("compute", "Compute"),
    DATABASE("database", "Database"),
    LOAD_BALANCER("load-balancer", "Load Balancer"),
    NETWORK("network", "Network"),
    VOLUME("volume", "Volume"),
    OTHER("other", "Other");

    /** Kinds the planner and agents use today; anything else falls back to the keyword rules below. */
    private static final Map<String, Component> KNOWN_KINDS = Map.ofEntries(
            Map.entry("droplet", COMPUTE), Map.entry("server", COMPUTE), Map.entry("instance", COMPUTE),
            Map.entry("ec2-instance", COMPUTE), Map.entry("vm", COMPUTE),
            Map.entry("load-balancer", LOAD_BALANCER), Map.entry("loadbalancer", LOAD_BALANCER),
            Map.entry("lb", LOAD_BALANCER), Map.entry("alb", LOAD_BALANCER), Map.entry("nlb", LOAD_BALANCER),
            Map.entry("elb", LOAD_BALANCER),
            Map.entry("database", DATABASE), Map.entry("db", DATABASE), Map.entry("rds", DATABASE),
            Map.entry("database-primary", DATABASE), Map.entry("database-replica", DATABASE),
            Map.entry("rds-instance", DATABASE),
            Map.entry("postgres", DATABASE), Map.entry("postgresql", DATABASE), Map.entry("replica", DATABASE),
            Map.entry("network", NETWORK), Map.entry("vpc", NETWORK), Map.entry("vswitch", NETWORK),
            Map.entry("subnet", NETWORK), Map.entry("firewall", NETWORK), Map.entry("floating-ip", NETWORK),
            Map.entry("volume", VOLUME), Map.entry("disk", VOLUME), Map.entry("ebs", VOLUME),
            Map.entry("block-storage", VOLUME));

    /** Price keys that name a database whatever the kind of the resource carrying them. */
    private static final List<String> DATABASE_KEY_PREFIXES = List.of("digitalocean:database:", "aws:rds:");

    private final String id;
    private final String label;

    Component(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The row title in the Markdown cost table. */
    public String label() {
        return label;
    }

    /** The component with this id, e.g. {@code load-balancer}. */
    public static Component fromId(String id) {
        for (Component c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component '" + id + "'");
    }

    /**
     * The component of a resource: {@link #DATABASE} for a managed database's price key
     * ({@code digitalocean:database:*}, {@code aws:rds:*}), else the component of its kind.
     */
    public static Component of(String kind, String priceKey) {
        if (priceKey != null && DATABASE_KEY_PREFIXES.stream().anyMatch(priceKey::startsWith)) {
            return DATABASE;
        }
        return ofKind(kind);
    }

    /**
     * The component of an address kind such as {@code droplet}, {@code db-replica} or {@code rds-replica}:
     * known kinds first, then keywords, so a new kind like {@code hetzner-server} still lands in the right row.
     */
    public static Component ofKind(String kind) {
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        Component known = KNOWN_KINDS.get(k);
        if (known != null) {
            return known;
        }
        if (k.contains("load-balancer") || k.contains("loadbalancer") || k.endsWith("lb")) {
            return LOAD_BALANCER;
        }
        if (k.contains("db") || k.contains("database") || k.contains("rds") || k.contains("replica")
                || k.contains("postgres")) {
            return DATABASE;
        }
        if (k.contains("volume") || k.contains("disk")) {
            return VOLUME;
        }
        if (k.contains("network") || k.contains("vpc") || k.contains("subnet") || k.contains("vswitch")
                || k.contains("firewall")) {
            return NETWORK;
        }
        if (k.contains("droplet") || k.contains("server") || k.contains("instance") || k.contains("node")
                || k.contains("compute")) {
            return COMPUTE;
        }
        return OTHER;
    }
}
