package dev.provisioning.dnsservice.rest;

import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.dnsservice.ManagedZone;
import java.time.Instant;
import java.util.List;

/** The JSON view of one workspace's DNS: its hosted zones and the records dns-service manages in them. */
public record WorkspaceDns(String workspace, List<Zone> zones, List<Record> records) {

    /** A hosted zone: its domain, Route53 id and the caller reference it was created with. */
    public record Zone(String name, String zoneId, String callerReference, Instant recordedAt) {

        static Zone of(ManagedZone zone) {
            return new Zone(zone.zoneName, zone.zoneId, zone.callerReference, zone.recordedAt);
        }
    }

    /** A managed record set and the resource address it points at. */
    public record Record(String name, String type, long ttl, List<String> values, String zone, String zoneId,
                         String target, String rolloutId, Instant syncedAt) {

        static Record of(ManagedRecord record) {
            return new Record(record.recordName, record.recordType, record.ttl, record.values, record.zoneName,
                    record.zoneId, record.targetAddress, record.rolloutId, record.syncedAt);
        }
    }

    static WorkspaceDns of(String workspace, List<ManagedZone> zones, List<ManagedRecord> records) {
        return new WorkspaceDns(workspace, zones.stream().map(Zone::of).toList(),
                records.stream().map(Record::of).toList());
    }
}
