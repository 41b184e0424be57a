package dev.provisioning.cloudsim.state;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A Route53 resource record set. Routing fields are kept as given so clients see them again on listing.
 *
 * @param name   canonical DNS name (lower case, trailing dot, special characters as {@code \ooo} escapes)
 * @param ttl    null for alias records
 * @param values record values in the order given; empty for alias records
 */
public record ResourceRecordSet(
        String name,
        String type,
        Long ttl,
        List<String> values,
        String setIdentifier,
        Long weight,
        String region,
        GeoLocation geoLocation,
        String failover,
        Boolean multiValueAnswer,
        AliasTarget aliasTarget,
        String healthCheckId) {

    /** Geolocation routing: any of the three codes may be absent. */
    public record GeoLocation(String continentCode, String countryCode, String subdivisionCode) {
    }

    /** Alias to another AWS resource or record. */
    public record AliasTarget(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    }

    public ResourceRecordSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
    }

    /** A plain record set with a TTL and values, without any routing policy. */
    public static ResourceRecordSet simple(String name, String type, long ttl, List<String> values) {
        return new ResourceRecordSet(name, type, ttl, values, null, null, null, null, null, null, null, null);
    }

    /** Whether both describe the same record set: same name, type and set identifier. */
    public boolean sameKey(ResourceRecordSet other) {
        return name.equals(other.name) && type.equals(other.type)
                && Objects.equals(setIdentifier, other.setIdentifier);
    }

    /** Whether every field matches, values compared as a set, as Route53 requires for DELETE. */
    public boolean sameContent(ResourceRecordSet other) {
        return sameKey(other)
                && Objects.equals(ttl, other.ttl)
                && new HashSet<>(values).equals(new HashSet<>(other.values))
                && values.size() == other.values.size()
                && Objects.equals(weight, other.weight)
                && Objects.equals(region, other.region)
                && Objects.equals(geoLocation, other.geoLocation)
                && Objects.equals(failover, other.failover)
                && Objects.equals(multiValueAnswer, other.multiValueAnswer)
                && Objects.equals(aliasTarget, other.aliasTarget)
                && Objects.equals(healthCheckId, other.healthCheckId);
    }
}
