package dev.provisioning.dnsservice.service;

import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.dnsservice.ManagedZone;
import dev.provisioning.dnsservice.client.Route53Zone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The zones and records dns-service manages, in its own database. Each write is its own short transaction, so no
 * transaction is held open while Route53 is called.
 */
@ApplicationScoped
public class DnsInventory {

    @Transactional
    public void recordZone(String workspace, Route53Zone zone, String callerReference) {
        ManagedZone row = ManagedZone.lookup(workspace, zone.name()).orElseGet(() -> {
            ManagedZone created = new ManagedZone();
            created.workspace = workspace;
            created.zoneName = zone.name();
            return created;
        });
        row.zoneId = zone.id();
        row.callerReference = zone.callerReference() == null ? callerReference : zone.callerReference();
        row.recordedAt = Instant.now();
        row.persist();
    }

    @Transactional
    public void recordSynced(DnsIntent intent, String zoneId, String changeId, Instant syncedAt) {
        ManagedRecord row = ManagedRecord.lookup(intent.workspace(), intent.recordSet().name()).orElseGet(() -> {
            ManagedRecord created = new ManagedRecord();
            created.workspace = intent.workspace();
            created.recordName = intent.recordSet().name();
            return created;
        });
        row.zoneName = intent.zoneName();
        row.zoneId = zoneId;
        row.recordType = intent.recordSet().type();
        row.ttl = intent.recordSet().ttl();
        row.values = List.copyOf(intent.recordSet().values());
        row.targetAddress = intent.target().toString();
        row.rolloutId = intent.rolloutId();
        row.changeId = changeId;
        row.syncedAt = syncedAt;
        row.persist();
    }

    @Transactional
    public Optional<ManagedRecord> record(String workspace, String recordName) {
        return ManagedRecord.lookup(workspace, recordName);
    }

    @Transactional
    public void forget(long recordId) {
        ManagedRecord.deleteById(recordId);
    }

    @Transactional
    public List<ManagedZone> zones(String workspace) {
        return ManagedZone.ofWorkspace(workspace);
    }

    @Transactional
    public List<ManagedRecord> records(String workspace) {
        return ManagedRecord.ofWorkspace(workspace);
    }
}
