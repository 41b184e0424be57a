package dev.provisioning.dnsservice.service;

import dev.provisioning.dnsservice.ManagedApexRecord;
import dev.provisioning.dnsservice.client.RecordSet;
import dev.provisioning.dnsservice.ManagedHealthCheck;
import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.dnsservice.client.Route53HealthCheck;
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

    @Transactional
    public Optional<ManagedHealthCheck> healthCheck(String workspace, String recordName) {
        return ManagedHealthCheck.lookup(workspace, recordName);
    }

    @Transactional
    public void recordHealthCheck(String workspace, String targetAddress, Route53HealthCheck check, int generation) {
        ManagedHealthCheck row = ManagedHealthCheck.lookup(workspace, check.settings().fqdn()).orElseGet(() -> {
            ManagedHealthCheck created = new ManagedHealthCheck();
            created.workspace = workspace;
            created.recordName = check.settings().fqdn();
            return created;
        });
        row.healthCheckId = check.id();
        row.callerReference = check.callerReference();
        row.generation = generation;
        row.checkType = check.settings().type();
        row.fqdn = check.settings().fqdn();
        row.port = check.settings().port();
        row.resourcePath = check.settings().path() == null ? "/" : check.settings().path();
        row.requestInterval = check.settings().interval();
        row.failureThreshold = check.settings().threshold();
        row.targetAddress = targetAddress;
        row.syncedAt = Instant.now();
        row.persist();
    }

    @Transactional
    public void forgetHealthCheck(long rowId) {
        ManagedHealthCheck.deleteById(rowId);
    }

    @Transactional
    public List<ManagedHealthCheck> healthChecks(String workspace) {
        return ManagedHealthCheck.ofWorkspace(workspace);
    }

    /** Records an apex record set as now synced in Route53. */
    @Transactional
    public void recordApex(DnsIntent intent, DnsIntent.ApexRecord apex, RecordSet apexSet, String zoneId,
                           String changeId, Instant syncedAt) {
        ManagedApexRecord row = ManagedApexRecord.lookup(intent.workspace(), apex.name(), apex.setIdentifier())
                .orElseGet(() -> {
                    ManagedApexRecord created = new ManagedApexRecord();
                    created.workspace = intent.workspace();
                    created.apexName = apex.name();
                    created.setIdentifier = apex.setIdentifier();
                    return created;
                });
        row.zoneName = intent.zoneName();
        row.zoneId = zoneId;
        row.geo = apex.geo();
        row.setRecordSet(apexSet);
        row.targetAddress = intent.target().toString();
        row.rolloutId = intent.rolloutId();
        row.changeId = changeId;
        row.syncedAt = syncedAt;
        row.persist();
    }

    @Transactional
    public void touchApex(long rowId, String changeId, Instant syncedAt) {
        ManagedApexRecord.<ManagedApexRecord>findByIdOptional(rowId).ifPresent(row -> {
            row.changeId = changeId;
            row.syncedAt = syncedAt;
        });
    }

    @Transactional
    public void touchRecord(long rowId, String changeId, Instant syncedAt) {
        ManagedRecord.<ManagedRecord>findByIdOptional(rowId).ifPresent(row -> {
            row.changeId = changeId;
            row.syncedAt = syncedAt;
        });
    }

    @Transactional
    public List<ManagedApexRecord> apexRecordsOfTarget(String targetAddress) {
        return ManagedApexRecord.ofTarget(targetAddress);
    }

    @Transactional
    public List<ManagedApexRecord> apexRecords(String workspace) {
        return ManagedApexRecord.ofWorkspace(workspace);
    }

    @Transactional
    public void forgetApex(long rowId) {
        ManagedApexRecord.deleteById(rowId);
    }

    /** Every managed record of every workspace, for drift repair. */
    @Transactional
    public List<ManagedRecord> allRecords() {
        return ManagedRecord.listAll();
    }

    /** Every managed apex record set of every workspace, for drift repair. */
    @Transactional
    public List<ManagedApexRecord> allApexRecords() {
        return ManagedApexRecord.listAll();
    }

    /** Points every apex record set that named a health check Route53 lost at its replacement. */
    @Transactional
    public void replaceApexHealthCheck(String oldId, String newId) {
        ManagedApexRecord.update("healthCheckId = ?1 where healthCheckId = ?2", newId, oldId);
    }

    @Transactional
    public List<ManagedHealthCheck> allHealthChecks() {
        return ManagedHealthCheck.listAll();
    }
}
