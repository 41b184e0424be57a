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

/** A Route53 hosted zone that holds a workspace's records, as dns-service found or created it. */
@Entity
@Table(name = "managed_zone")
public class ManagedZone extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String workspace;

    @Column(name = "zone_name", nullable = false)
    public String zoneName;

    @Column(name = "zone_id", nullable = false)
    public String zoneId;

    @Column(name = "caller_reference", nullable = false)
    public String callerReference;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Optional<ManagedZone> lookup(String workspace, String zoneName) {
        return find("workspace = ?1 and zoneName = ?2", workspace, zoneName).firstResultOptional();
    }

    public static List<ManagedZone> ofWorkspace(String workspace) {
        return list("workspace = ?1 order by zoneName", workspace);
    }
}
