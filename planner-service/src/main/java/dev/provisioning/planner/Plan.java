package dev.provisioning.planner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A stored plan: what applying a definition would change, valid while the recorded state is as it was. */
@Entity
public class Plan extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String workspace;

    /** The one region planned, or null for the whole workspace. */
    public String region;

    /** The definition (JSON) the plan was made for; applying the plan declares it. */
    @Column(nullable = false, columnDefinition = "text")
    public String definition;

    /** A digest of the recorded state the plan was made against. */
    @Column(name = "state_fingerprint", nullable = false)
    public String stateFingerprint;

    /** The plan as the API returned it (JSON). */
    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
