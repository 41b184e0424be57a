package dev.provisioning.dnsservice;

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

/** A record set dns-service keeps in Route53, and the resource it points at. */
@Entity
@Table(name = "managed_record")
public class ManagedRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String workspace;

    @Column(name = "zone_name", nullable = false)
    public String zoneName;

    @Column(name = "zone_id", nullable = false)
    public String zoneId;

    @Column(name = "record_name", nullable = false)
    public String recordName;

    @Column(name = "record_type", nullable = false)
    public String recordType;

    @Column(nullable = false)
    public long ttl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "record_values", nullable = false, columnDefinition = "text[]")
    public List<String> values;

    /** The resource address the record points at: only a ResourceDeleted for this address removes the record. */
    @Column(name = "target_address", nullable = false)
    public String targetAddress;

    @Column(name = "rollout_id")
    public String rolloutId;

    @Column(name = "change_id")
    public String changeId;

    @Column(name = "synced_at", nullable = false)
    public Instant syncedAt;

    public static Optional<ManagedRecord> lookup(String workspace, String recordName) {
        return find("workspace = ?1 and recordName = ?2", workspace, recordName).firstResultOptional();
    }

    public static List<ManagedRecord> ofWorkspace(String workspace) {
        return list("workspace = ?1 order by recordName, recordType", workspace);
    }
}
