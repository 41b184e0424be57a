package dev.provisioning.planner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One node of a rollout's dependency graph: a resource to provision, or a DNS record to be written. */
@Entity
@Table(name = "rollout_step")
public class RolloutStep extends PanacheEntityBase {

    /**
     * What the step does and what completes it: an agent's {@code ResourceReady} (provision), its
     * {@code ResourceDeleted} (delete), or dns-service's {@code DnsRecordSynced} (DNS).
     */
    public enum Kind { PROVISION, DELETE, DNS }

    /** Where a step stands. */
    public enum Status { PENDING, DISPATCHED, SUCCEEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rollout_id", nullable = false)
    public String rolloutId;

    /** Unique in the rollout: the address of the resource or DNS record the step makes exist. */
    @Column(name = "step_key", nullable = false)
    public String stepKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String address;

    public String provider;

    /** Step keys this step waits for, comma-separated. */
    @Column(name = "depends_on", nullable = false)
    public String dependsOn;

    /** The command to send when the step becomes ready (JSON): a ProvisionResource or a DeleteResource. */
    @Column(columnDefinition = "text")
    public String command;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "provider_id")
    public String providerId;

    @Column(columnDefinition = "text")
    public String detail;

    public List<String> dependencies() {
        return dependsOn.isEmpty() ? List.of() : Arrays.asList(dependsOn.split(","));
    }

    public static List<RolloutStep> of(String rolloutId) {
        return list("rolloutId = ?1 order by id", rolloutId);
    }
}
