package dev.provisioning.planner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A declared workspace: its validated definition is the desired state. */
@Entity
public class Workspace extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false)
    public String domain;

    /** The parsed definition as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String definition;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
