package dev.provisioning.cloudsim.state;

import java.util.List;
import java.util.Objects;

/**
 * Route53's rules for record sets that share a name and type: all of them use one routing policy (or the name holds
 * a single record set without one), and no two claim the same location or failover role.
 */
public final class RoutingPolicies {

    /** The routing policy of a record set, as Route53 infers it from which field is present. */
    public enum Policy {
        SIMPLE, WEIGHTED, LATENCY, GEOLOCATION, FAILOVER, MULTIVALUE
    }

    private RoutingPolicies() {
    }

    /** The policies whose fields the record set carries; more than one is invalid input. */
    public static List<Policy> declared(ResourceRecordSet record) {
        java.util.ArrayList<Policy> policies = new java.util.ArrayList<>();
        if (record.weight() != null) {
            policies.add(Policy.WEIGHTED);
        }
        if (record.region() != null) {
            policies.add(Policy.LATENCY);
        }
        if (record.geoLocation() != null) {
            policies.add(Policy.GEOLOCATION);
        }
        if (record.failover() != null) {
            policies.add(Policy.FAILOVER);
        }
        if (record.multiValueAnswer() != null) {
            policies.add(Policy.MULTIVALUE);
        }
        return policies;
    }

    public static Policy of(ResourceRecordSet record) {
        List<Policy> policies = declared(record);
        return policies.isEmpty() ? Policy.SIMPLE : policies.get(0);
    }

    /**
     * Whether {@code wanted} fits beside the other record sets of its name and type; adds what is wrong otherwise.
     * The record set it replaces (same key) is not compared with.
     */
    static boolean consistent(ResourceRecordSet wanted, List<ResourceRecordSet> working, List<String> problems) {
        Policy policy = of(wanted);
        for (ResourceRecordSet other : working) {
            if (!other.name().equals(wanted.name()) || !other.type().equals(wanted.type()) || other.sameKey(wanted)) {
                continue;
            }
            Policy otherPolicy = of(other);
            String label = "RRSet with DNS name " + wanted.name() + ", type " + wanted.type()
                    + (wanted.setIdentifier() == null ? "" : ", SetIdentifier " + wanted.setIdentifier());
            if (policy == Policy.SIMPLE || otherPolicy == Policy.SIMPLE) {
                problems.add(label + " cannot be created because " + (policy == Policy.SIMPLE
                        ? "record sets with a routing policy and the same name and type already exist"
                        : "a non-routed record set with the same name and type already exists"));
                return false;
            }
            if (policy != otherPolicy) {
                problems.add(label + " cannot be created because record sets with the same name and type use "
                        + otherPolicy.name().toLowerCase(java.util.Locale.ROOT) + " routing, not "
                        + policy.name().toLowerCase(java.util.Locale.ROOT));
                return false;
            }
            if (policy == Policy.GEOLOCATION && Objects.equals(wanted.geoLocation(), other.geoLocation())) {
                problems.add(label + " cannot be created because the record set with SetIdentifier "
                        + other.setIdentifier() + " already uses the same GeoLocation");
                return false;
            }
            if (policy == Policy.FAILOVER && wanted.failover().equals(other.failover())) {
                problems.add(label + " cannot be created because the record set with SetIdentifier "
                        + other.setIdentifier() + " is already the " + other.failover() + " failover record");
                return false;
            }
        }
        return true;
    }
}
