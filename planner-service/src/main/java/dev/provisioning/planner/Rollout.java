package dev.provisioning.planner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;

/** One application of a workspace (or one of its regions) to the providers. */
@Entity
public class Rollout extends PanacheEntityBase {

    /** Where a rollout stands. */
    public enum Status { RUNNING, SUCCEEDED, FAILED }

    @Id
    public String id;

    @Column(nullable = false)
    public String workspace;

    /** The one region applied, or null for the whole workspace. */
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The trace the rollout belongs to, so steps dispatched later continue it. */
    public String traceparent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static Optional<Rollout> runningFor(String workspace) {
        return find("workspace = ?1 and status = ?2", workspace, Status.RUNNING).firstResultOptional();
    }
}
