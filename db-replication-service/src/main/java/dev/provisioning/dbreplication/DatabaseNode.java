package dev.provisioning.dbreplication;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One database server of a workspace (a primary or a replica) and where it is hosted, as the agents reported it.
 * A deleted server keeps its row with {@code deletedAt} set, so a late redelivery of its ResourceReady cannot bring
 * it back.
 */
@Entity
@Table(name = "database_node")
public class DatabaseNode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The resource address, {@code <workspace>/<region>/<kind>/<name>}. */
    @Column(nullable = false, unique = true)
    public String address;

    @Column(nullable = false)
    public String workspace;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatabaseRole role;

    @Column(nullable = false)
    public String provider;

    /** The resource kind, e.g. {@code database}, {@code rds-instance}, {@code database-replica}. */
    public String kind;

    /** For a replica: the address of the primary it follows; null for a primary. */
    @Column(name = "primary_address")
    public String primaryAddress;

    @Column(name = "provider_region")
    public String providerRegion;

    @Column(name = "provider_id")
    public String providerId;

    public String size;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "database_node_address", joinColumns = @JoinColumn(name = "node_id"))
    @MapKeyColumn(name = "address_kind")
    @Column(name = "address_value", nullable = false)
    public Map<String, String> addresses = new HashMap<>();

    @Column(name = "rollout_id")
    public String rolloutId;

    @Column(name = "ready_at")
    public Instant readyAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public static Optional<DatabaseNode> byAddress(String address) {
        return find("address", address).firstResultOptional();
    }

    /** The servers of a workspace that exist now, primaries first. */
    public static List<DatabaseNode> liveOf(String workspace) {
        return list("workspace = ?1 and deletedAt is null order by role, region, name", workspace);
    }

    /** Whether any database server of the workspace was ever recorded, deleted ones included. */
    public static boolean anyOf(String workspace) {
        return count("workspace", workspace) > 0;
    }
}
