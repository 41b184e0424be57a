package dev.provisioning.dnsservice;

import dev.provisioning.dnsservice.client.RecordSet;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A geolocation record set of an apex that dns-service keeps in Route53 for one region's resource. */
@Entity
@Table(name = "managed_apex_record")
public class ManagedApexRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String workspace;

    @Column(name = "zone_name", nullable = false)
    public String zoneName;

    @Column(name = "zone_id", nullable = false)
    public String zoneId;

    @Column(name = "apex_name", nullable = false)
    public String apexName;

    @Column(name = "set_identifier", nullable = false)
    public String setIdentifier;

    /** A continent code, or {@code *} for the default location. */
    @Column(nullable = false)
    public String geo;

    @Column(name = "record_type", nullable = false)
    public String recordType;

    @Column(nullable = false)
    public long ttl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "record_values", nullable = false, columnDefinition = "text[]")
    public List<String> values;

    @Column(name = "health_check_id")
    public String healthCheckId;

    /** For an alias record set (then {@code ttl} is 0 and {@code values} empty): the target's hosted zone id. */
    @Column(name = "alias_hosted_zone_id")
    public String aliasHostedZoneId;

    /** For an alias record set: the target's DNS name, e.g. an application load balancer's. */
    @Column(name = "alias_dns_name")
    public String aliasDnsName;

    @Column(name = "alias_evaluate_target_health")
    public Boolean aliasEvaluateTargetHealth;

    /** The resource the record set answers with: only a ResourceDeleted for this address removes it. */
    @Column(name = "target_address", nullable = false)
    public String targetAddress;

    @Column(name = "rollout_id")
    public String rolloutId;

    @Column(name = "change_id")
    public String changeId;

    @Column(name = "synced_at", nullable = false)
    public Instant syncedAt;

    /** The record set as dns-service wants it in Route53. */
    public RecordSet recordSet() {
        return new RecordSet(apexName, recordType, ttl, values, setIdentifier, geo, healthCheckId, alias());
    }

    /** The alias target, or null for a record set with values. */
    public RecordSet.Alias alias() {
        return aliasDnsName == null ? null : new RecordSet.Alias(aliasHostedZoneId, aliasDnsName,
                Boolean.TRUE.equals(aliasEvaluateTargetHealth));
    }

    /** Stores the record set's type, TTL, values and alias target. */
    public void setRecordSet(RecordSet set) {
        recordType = set.type();
        ttl = set.ttl();
        values = List.copyOf(set.values());
        healthCheckId = set.healthCheckId();
        RecordSet.Alias alias = set.alias();
        aliasHostedZoneId = alias == null ? null : alias.hostedZoneId();
        aliasDnsName = alias == null ? null : alias.dnsName();
        aliasEvaluateTargetHealth = alias == null ? null : alias.evaluateTargetHealth();
    }

    public static Optional<ManagedApexRecord> lookup(String workspace, String apexName, String setIdentifier) {
        return find("workspace = ?1 and apexName = ?2 and setIdentifier = ?3", workspace, apexName, setIdentifier)
                .firstResultOptional();
    }

    public static List<ManagedApexRecord> ofWorkspace(String workspace) {
        return list("workspace = ?1 order by apexName, setIdentifier", workspace);
    }

    public static List<ManagedApexRecord> ofTarget(String targetAddress) {
        return list("targetAddress = ?1 order by apexName, setIdentifier", targetAddress);
    }
}
