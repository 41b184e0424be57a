package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Thread-safe store of Route53 hosted zones, their record sets and submitted changes.
 * Change batches are validated as a whole and applied all or nothing, as Route53 does.
 */
public final class HostedZoneStore {

    /** Order of {@code ListResourceRecordSets}: name with labels reversed, then type, then set identifier. */
    public static final Comparator<ResourceRecordSet> LISTING_ORDER =
            Comparator.comparing(ResourceRecordSet::name, DnsNames.ROUTE53_ORDER)
                    .thenComparing(ResourceRecordSet::type)
                    .thenComparing(ResourceRecordSet::setIdentifier, Comparator.nullsFirst(Comparator.naturalOrder()));

    static final long SOA_TTL = 900;
    static final long NS_TTL = 172_800;

    /** A newly created zone with the change that tracks its creation. */
    public record ZoneCreation(HostedZone zone, DnsChange change) {
    }

    private static final class ZoneEntry {
        private final HostedZone zone;
        private List<ResourceRecordSet> records;

        private ZoneEntry(HostedZone zone, List<ResourceRecordSet> records) {
            this.zone = zone;
            this.records = records;
        }
    }

    private final SimTimers timers;
    private final Supplier<Duration> changeDelay;
    private final Map<String, ZoneEntry> zones = new LinkedHashMap<>();
    private final Map<String, DnsChange> changes = new LinkedHashMap<>();
    private final Set<String> usedCallerReferences = new HashSet<>();
    private long zoneSequence;
    private long changeSequence;
    private long generation;

    /**
     * @param timers      runs the PENDING to INSYNC transition
     * @param changeDelay propagation time of a change, read at each submission so runtime changes apply
     */
    public HostedZoneStore(SimTimers timers, Supplier<Duration> changeDelay) {
        this.timers = timers;
        this.changeDelay = changeDelay;
    }

    /**
     * Creates a zone with its SOA and NS record sets.
     *
     * @param name canonical zone name
     * @throws StoreRejection {@code CALLER_REFERENCE_IN_USE} when the caller reference was used before
     */
    public synchronized ZoneCreation create(String name, String callerReference, String comment, boolean privateZone,
            List<HostedZone.Vpc> vpcs, Instant now) {
        if (!usedCallerReferences.add(callerReference)) {
            throw new StoreRejection(StoreRejection.Reason.CALLER_REFERENCE_IN_USE,
                    "A hosted zone has already been created with the specified caller reference.");
        }
        long sequence = ++zoneSequence;
        String id;
        do {
            id = opaqueId('Z', sequence, 0x5A0E5L + generation);
            sequence += 1_000_003;
        } while (zones.containsKey(id));
        List<String> nameServers = nameServers(zoneSequence);
        HostedZone zone = new HostedZone(id, name, callerReference, comment, privateZone, vpcs, nameServers,
                now.truncatedTo(ChronoUnit.MILLIS));
        List<ResourceRecordSet> records = new ArrayList<>();
        records.add(ResourceRecordSet.simple(name, "NS", NS_TTL,
                nameServers.stream().map(ns -> ns + ".").toList()));
        records.add(ResourceRecordSet.simple(name, "SOA", SOA_TTL,
                List.of(nameServers.get(0) + ". awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400")));
        records.sort(LISTING_ORDER);
        zones.put(id, new ZoneEntry(zone, records));
        return new ZoneCreation(zone, submitChange(null, now));
    }

    /** Every zone, ordered by id as {@code ListHostedZones} returns them. */
    public synchronized List<HostedZone> zones() {
        return zones.values().stream().map(entry -> entry.zone)
                .sorted(Comparator.comparing(HostedZone::id)).toList();
    }

    public synchronized Optional<HostedZone> zone(String id) {
        ZoneEntry entry = zones.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.zone);
    }

    /** Number of record sets in a zone, 0 for an unknown zone. */
    public synchronized int recordSetCount(String zoneId) {
        ZoneEntry entry = zones.get(zoneId);
        return entry == null ? 0 : entry.records.size();
    }

    /**
     * Record sets of a zone in listing order.
     *
     * @throws StoreRejection {@code NO_SUCH_ZONE}
     */
    public synchronized List<ResourceRecordSet> records(String zoneId) {
        return List.copyOf(entry(zoneId).records);
    }

    /**
     * Validates and applies a change batch atomically: either every change is applied or none is.
     *
     * @throws StoreRejection {@code NO_SUCH_ZONE}, or {@code INVALID_CHANGE_BATCH} listing every problem found
     */
    public synchronized DnsChange apply(String zoneId, List<RecordChange> batch, String comment, Instant now) {
        ZoneEntry entry = entry(zoneId);
        String zoneName = entry.zone.name();
        List<ResourceRecordSet> working = new ArrayList<>(entry.records);
        List<String> problems = new ArrayList<>();
        for (RecordChange change : batch) {
            ResourceRecordSet wanted = change.recordSet();
            String label = "[name='" + wanted.name() + "', type='" + wanted.type() + "'"
                    + (wanted.setIdentifier() == null ? "" : ", set-identifier='" + wanted.setIdentifier() + "'") + "]";
            if (!DnsNames.isWithin(wanted.name(), zoneName)) {
                problems.add("RRSet with DNS name " + wanted.name() + " is not permitted in zone " + zoneName);
                continue;
            }
            Optional<ResourceRecordSet> existing = working.stream().filter(wanted::sameKey).findFirst();
            switch (change.action()) {
                case CREATE -> {
                    if (existing.isPresent()) {
                        problems.add("Tried to create resource record set " + label + " but it already exists");
                    } else if (conflictFree(wanted, working, zoneName, problems)
                            && RoutingPolicies.consistent(wanted, working, problems)) {
                        working.add(wanted);
                    }
                }
                case UPSERT -> {
                    if (conflictFree(wanted, working, zoneName, problems)
                            && RoutingPolicies.consistent(wanted, working, problems)) {
                        existing.ifPresent(working::remove);
                        working.add(wanted);
                    }
                }
                case DELETE -> {
                    if (existing.isEmpty()) {
                        problems.add("Tried to delete resource record set " + label + " but it was not found");
                    } else if (!existing.get().sameContent(wanted)) {
                        problems.add("Tried to delete resource record set " + label
                                + " but the values provided do not match the current values");
                    } else if (isApexRequired(existing.get(), zoneName)) {
                        problems.add("A HostedZone must contain at least one NS record for the zone itself and "
                                + "exactly one SOA record.");
                    } else {
                        working.remove(existing.get());
                    }
                }
                default -> throw new IllegalStateException("unknown action " + change.action());
            }
        }
        if (!problems.isEmpty()) {
            throw new StoreRejection(StoreRejection.Reason.INVALID_CHANGE_BATCH, problems);
        }
        working.sort(LISTING_ORDER);
        entry.records = working;
        return submitChange(comment, now);
    }

    /**
     * Deletes a zone that holds nothing but its SOA and NS record sets.
     *
     * @throws StoreRejection {@code NO_SUCH_ZONE} or {@code ZONE_NOT_EMPTY}
     */
    public synchronized DnsChange delete(String zoneId, Instant now) {
        ZoneEntry entry = entry(zoneId);
        boolean onlyRequired = entry.records.stream().allMatch(r -> isApexRequired(r, entry.zone.name()));
        if (!onlyRequired) {
            throw new StoreRejection(StoreRejection.Reason.ZONE_NOT_EMPTY,
                    "The specified hosted zone contains non-required resource record sets and so cannot be deleted.");
        }
        zones.remove(zoneId);
        return submitChange(null, now);
    }

    /** Whether any record set of any zone names the health check, which then cannot be deleted. */
    public synchronized boolean referencesHealthCheck(String healthCheckId) {
        return zones.values().stream().flatMap(entry -> entry.records.stream())
                .anyMatch(record -> healthCheckId.equals(record.healthCheckId()));
    }

    public synchronized Optional<DnsChange> change(String id) {
        return Optional.ofNullable(changes.get(id));
    }

    /** Forgets every zone and change; transitions scheduled before the reset no longer apply. */
    public synchronized void reset() {
        zones.clear();
        changes.clear();
        usedCallerReferences.clear();
        zoneSequence = 0;
        changeSequence = 0;
        generation++;
    }

    private ZoneEntry entry(String zoneId) {
        ZoneEntry entry = zones.get(zoneId);
        if (entry == null) {
            throw new StoreRejection(StoreRejection.Reason.NO_SUCH_ZONE, "No hosted zone found with ID: " + zoneId);
        }
        return entry;
    }

    private DnsChange submitChange(String comment, Instant now) {
        String id = opaqueId('C', ++changeSequence, 0xC4A9L + generation);
        DnsChange change = new DnsChange(id, DnsChange.Status.PENDING, now.truncatedTo(ChronoUnit.MILLIS), comment);
        changes.put(id, change);
        long submittedInGeneration = generation;
        timers.after(changeDelay.get(), () -> markInSync(id, submittedInGeneration));
        return change;
    }

    private synchronized void markInSync(String changeId, long submittedInGeneration) {
        if (submittedInGeneration == generation) {
            changes.computeIfPresent(changeId, (id, change) -> change.inSync());
        }
    }

    /** The zone's own SOA and NS record sets cannot be deleted. */
    private static boolean isApexRequired(ResourceRecordSet record, String zoneName) {
        return record != null && record.name().equals(zoneName)
                && (record.type().equals("SOA") || record.type().equals("NS"));
    }

    /** CNAME records may share their name with no other type, and never sit at the apex. */
    private static boolean conflictFree(ResourceRecordSet wanted, List<ResourceRecordSet> working, String zoneName,
            List<String> problems) {
        if (wanted.type().equals("CNAME") && wanted.name().equals(zoneName)) {
            problems.add("RRSet of type CNAME with DNS name " + wanted.name() + " is not permitted at apex in zone "
                    + zoneName);
            return false;
        }
        for (ResourceRecordSet other : working) {
            if (!other.name().equals(wanted.name()) || other.type().equals(wanted.type())) {
                continue;
            }
            if (wanted.type().equals("CNAME")) {
                problems.add("RRSet of type CNAME with DNS name " + wanted.name() + " is not permitted as it "
                        + "conflicts with other records with the same DNS name in zone " + zoneName);
                return false;
            }
            if (other.type().equals("CNAME")) {
                problems.add("RRSet of type " + wanted.type() + " with DNS name " + wanted.name()
                        + " is not permitted because a conflicting RRSet of type CNAME with the same DNS name "
                        + "already exists in zone " + zoneName);
                return false;
            }
        }
        return true;
    }

    /** Four name servers in the style of Route53's delegation sets, stable for a given zone number. */
    private static List<String> nameServers(long zoneNumber) {
        String[] tlds = {"com", "net", "org", "co.uk"};
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < tlds.length; i++) {
            long n = zoneNumber * 4 + i;
            long server = (n * 389) % 512 + 512L * i;
            long group = (n * 7) % 64;
            servers.add(String.format(Locale.ROOT, "ns-%d.awsdns-%02d.%s", server, group, tlds[i]));
        }
        return servers;
    }

    /** A Route53-looking id: a prefix letter and 13 upper-case base-36 characters, unique per sequence. */
    private static String opaqueId(char prefix, long sequence, long salt) {
        long mixed = sequence * 0x9E3779B97F4A7C15L + salt;
        mixed = (mixed ^ (mixed >>> 30)) * 0xBF58476D1CE4E5B9L;
        mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
        mixed = mixed ^ (mixed >>> 31);
        String digits = Long.toString(mixed & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT);
        return prefix + "0".repeat(13 - digits.length()) + digits;
    }
}
