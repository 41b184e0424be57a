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

    private ContextKeys() {
    }
}
