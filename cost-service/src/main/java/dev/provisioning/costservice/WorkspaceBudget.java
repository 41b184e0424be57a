package dev.provisioning.costservice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest monthly budget recorded for a workspace, and since when the stored costs of its resources have been
 * above it (null while they are not).
 */
@Entity
@Table(name = "workspace_budget")
public class WorkspaceBudget extends PanacheEntityBase {

    @Id
    public String workspace;

    /** USD per month, two decimals. */
    @Column(name = "monthly_usd", nullable = false, precision = 12, scale = 2)
    public BigDecimal monthlyUsd;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** When the workspace's total last crossed the budget; null while the total is within it. */
    @Column(name = "ledger_exceeded_at")
    public Instant ledgerExceededAt;

    /** Records {@code monthlyUsd} as the workspace's budget, keeping whether the total was above the previous one. */
    public static void upsert(String workspace, BigDecimal monthlyUsd, Instant recordedAt) {
        getEntityManager()
                .createNativeQuery("insert into workspace_budget (workspace, monthly_usd, recorded_at)"
                        + " values (?1, ?2, ?3) on conflict (workspace) do update"
                        + " set monthly_usd = excluded.monthly_usd, recorded_at = excluded.recorded_at")
                .setParameter(1, workspace)
                .setParameter(2, monthlyUsd)
                .setParameter(3, recordedAt)
                .executeUpdate();
    }

    /** The workspace's budget, locked until the transaction ends so that one crossing is announced once. */
    public static Optional<WorkspaceBudget> lockedFor(String workspace) {
        return Optional.ofNullable(getEntityManager().find(WorkspaceBudget.class, workspace,
                LockModeType.PESSIMISTIC_WRITE));
    }

    public static Optional<WorkspaceBudget> of(String workspace) {
        return Optional.ofNullable(findById(workspace));
    }
}
