package dev.provisioning.contracts;

/**
 * Keys of the planner-owned context that a command carries and every event about the same resource echoes back,
 * so that downstream services (DNS, cost) act without a query to the planner.
 */
public final class ContextKeys {

    /** The DNS name that should point at this resource, e.g. {@code us.api.example.com}. */
    public static final String DNS_NAME = "dns.name";
    /** The hosted zone (the workspace's domain) the DNS name belongs to, e.g. {@code api.example.com}. */
    public static final String DNS_ZONE = "dns.zone";
    /** The DNS record TTL in seconds. */
    public static final String DNS_TTL = "dns.ttl";
    /** The apex name answered by geolocation routing across regions, e.g. {@code api.example.com}. */
    public static final String DNS_APEX = "dns.apex";
    /** The set identifier of this region's apex record, e.g. {@code us-east}. */
    public static final String DNS_SET_ID = "dns.set-id";
    /**
     * Where this region's apex record answers: a continent code ({@code NA}, {@code EU}, {@code AS}, {@code SA},
     * {@code AF}, {@code OC}, {@code AN}), or {@code *} for the default location.
     */
    public static final String DNS_GEO = "dns.geo";
    /** Comma-separated extra continent codes this region also answers (a region may be default and NA). */
    public static final String DNS_GEO_ALSO = "dns.geo.also";
    /** Health check of the regional name: protocol ({@code HTTPS} or {@code HTTP}). */
    public static final String DNS_HEALTH_PROTOCOL = "dns.health.protocol";
    /** Health check of the regional name: port. */
    public static final String DNS_HEALTH_PORT = "dns.health.port";
    /** Health check of the regional name: request path, e.g. {@code /health}. */
    public static final String DNS_HEALTH_PATH = "dns.health.path";
    /** Health check of the regional name: seconds between checks (10 or 30 on Route53). */
    public static final String DNS_HEALTH_INTERVAL = "dns.health.interval";
    /** Health check of the regional name: failures before unhealthy. */
    public static final String DNS_HEALTH_THRESHOLD = "dns.health.threshold";

    /** A database resource's role in its workspace's topology: {@code primary} or {@code replica}. */
    public static final String DB_ROLE = "db.role";
    /** A replica's primary, as a resource address, e.g. {@code multi-region-ha/us-east/database/us-db-primary}. */
    public static final String DB_PRIMARY = "db.primary";
    /** The database engine, e.g. {@code pg}, {@code postgres}. */
    public static final String DB_ENGINE = "db.engine";
    /** The replication lag a replica may reach before it is reported as lagging, in seconds. */
    public static final String DB_MAX_LAG_SECONDS = "db.max-lag-seconds";

    private ContextKeys() {
    }
}
