package dev.provisioning.costservice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A workspace cost-service has seen an event for: its cost view exists (possibly at $0.00 once everything is
 * deleted), while a never-seen workspace is unknown.
 */
@Entity
@Table(name = "tracked_workspace")
public class TrackedWorkspace extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    /** Records the workspace unless already known; safe when two partitions see a new workspace at once. */
    public static void track(String workspace, Instant seenAt) {
        getEntityManager()
                .createNativeQuery("insert into tracked_workspace (name, first_seen_at) values (?1, ?2)"
                        + " on conflict (name) do nothing")
                .setParameter(1, workspace)
                .setParameter(2, seenAt)
                .executeUpdate();
    }

    public static boolean isKnown(String workspace) {
        return count("name", workspace) > 0;
    }
}
