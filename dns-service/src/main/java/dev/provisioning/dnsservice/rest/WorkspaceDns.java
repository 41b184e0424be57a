package dev.provisioning.dnsservice.rest;

import dev.provisioning.dnsservice.ManagedApexRecord;
import dev.provisioning.dnsservice.ManagedHealthCheck;
import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.dnsservice.ManagedZone;
import dev.provisioning.dnsservice.client.RecordSet;
import java.time.Instant;
import java.util.List;

/**
 * The JSON view of one workspace's DNS: its hosted zones, the records dns-service manages in them, the health checks
 * of the regional names with their current status, and the apex routing.
 */
public record WorkspaceDns(String workspace, List<Zone> zones, List<Record> records, List<HealthCheck> healthChecks,
                           List<ApexRecord> apex) {

    /**
     * A regional name's health check.
     *
     * @param status {@code healthy} or {@code unhealthy} as Route53's checkers see it now, {@code unknown} when
     *               Route53 could not be asked
     */
    public record HealthCheck(String region, String name, String healthCheckId, String type, int port, String path,
                              int interval, int threshold, String status, String target, Instant syncedAt) {

        static HealthCheck of(ManagedHealthCheck check, String status) {
            return new HealthCheck(ResourceAddress.parse(check.targetAddress).region(), check.recordName,
                    check.healthCheckId, check.checkType, check.port, check.resourcePath, check.requestInterval,
                    check.failureThreshold, status, check.targetAddress, check.syncedAt);
        }
    }

    /**
     * A geolocation record set of the apex: where it answers ({@code *} is the default location) and with what.
     *
     * @param ttl   null for an alias record set
     * @param alias the load balancer an alias record set points at, null for one with values
     */
    public record ApexRecord(String name, String setIdentifier, String geo, String type, Long ttl, List<String> values,
                             Alias alias, String healthCheckId, String region, String target, String rolloutId,
                             Instant syncedAt) {

        static ApexRecord of(ManagedApexRecord record) {
            RecordSet.Alias alias = record.alias();
            return new ApexRecord(record.apexName, record.setIdentifier, record.geo, record.recordType,
                    alias == null ? Long.valueOf(record.ttl) : null, record.values,
                    alias == null ? null : new Alias(alias.hostedZoneId(), alias.dnsName(),
                            alias.evaluateTargetHealth()),
                    record.healthCheckId, ResourceAddress.parse(record.targetAddress).region(),
                    record.targetAddress, record.rolloutId, record.syncedAt);
        }
    }

    /** An alias target: the load balancer's DNS name and the hosted zone it lives in. */
    public record Alias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    }

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

    static WorkspaceDns of(String workspace, List<ManagedZone> zones, List<ManagedRecord> records,
                           List<HealthCheck> healthChecks, List<ManagedApexRecord> apex) {
        return new WorkspaceDns(workspace, zones.stream().map(Zone::of).toList(),
                records.stream().map(Record::of).toList(), healthChecks, apex.stream().map(ApexRecord::of).toList());
    }
}
