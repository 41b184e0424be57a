package dev.provisioning.dnsservice.client;

import java.util.List;

/**
 * A Route53 record set: simple, or with geolocation routing and a health check; with values and a TTL, or an alias.
 *
 * @param name          the record name without the trailing dot, e.g. {@code us.api.example.com}
 * @param type          {@code A}, {@code AAAA} or {@code CNAME}
 * @param ttl           0 for an alias record set, which has none
 * @param values        empty for an alias record set
 * @param setIdentifier null for a simple record set
 * @param geo           the geolocation of a routed record set: a continent code, or {@code *} for the default
 *                      location; null for a simple record set
 * @param healthCheckId the health check Route53 consults before answering with this record set, or null
 * @param alias         what an alias record set points at, null for one with values
 */
public record RecordSet(String name, String type, long ttl, List<String> values, String setIdentifier, String geo,
                        String healthCheckId, Alias alias) {

    /**
     * An alias target: another AWS resource's DNS name (an application load balancer) and the hosted zone it lives in.
     *
     * @param dnsName without the trailing dot, lower case
     */
    public record Alias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    }

    public RecordSet {
        values = List.copyOf(values);
    }

    /** A record set with values, routed or not. */
    public RecordSet(String name, String type, long ttl, List<String> values, String setIdentifier, String geo,
                     String healthCheckId) {
        this(name, type, ttl, values, setIdentifier, geo, healthCheckId, null);
    }

    /** A simple record set: no routing policy, no health check. */
    public RecordSet(String name, String type, long ttl, List<String> values) {
        this(name, type, ttl, values, null, null, null, null);
    }

    /** What it answers with, for events and logs: its values, or the alias target's DNS name. */
    public List<String> answers() {
        return alias == null ? values : List.of(alias.dnsName());
    }
}
