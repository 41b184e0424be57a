package dev.provisioning.costservice.service;

import dev.provisioning.contracts.messages.BudgetExceeded;
import dev.provisioning.costservice.ResourceCost;
import dev.provisioning.costservice.WorkspaceBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps the latest budget of each workspace and notices when the stored costs of its resources cross it: a crossing
 * is reported once, and again only after the total has fallen back to or below the budget.
 */
@ApplicationScoped
public class BudgetWatch {

    private static final Logger LOG = Logger.getLogger(BudgetWatch.class);

    /**
     * Records {@code monthlyUsd} as the workspace's budget and compares the stored total with it.
     *
     * @return the crossing to announce when the total is above the new budget and was not above the old one
     */
    @Transactional
    public Optional<BudgetExceeded> record(String workspace, BigDecimal monthlyUsd) {
        Instant now = Instant.now();
        WorkspaceBudget.upsert(workspace, CurrencyConverter.cents(monthlyUsd), now);
        return WorkspaceBudget.lockedFor(workspace).flatMap(budget -> evaluate(budget, now));
    }

    /**
     * Compares the workspace's stored total with its budget after a resource was priced, re-priced or removed.
     *
     * @return the crossing to announce when the total has just gone above the budget; empty without a budget
     */
    @Transactional
    public Optional<BudgetExceeded> afterLedgerChange(String workspace) {
        return WorkspaceBudget.lockedFor(workspace).flatMap(budget -> evaluate(budget, Instant.now()));
    }

    /** Forgets a crossing whose announcement could not be published, so the next change announces it again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rearm(String workspace) {
        WorkspaceBudget.lockedFor(workspace).ifPresent(budget -> budget.ledgerExceededAt = null);
    }

    /** The workspace's budget, if one was recorded. */
    public Optional<WorkspaceBudget> budgetOf(String workspace) {
        return WorkspaceBudget.of(workspace);
    }

    private static Optional<BudgetExceeded> evaluate(WorkspaceBudget budget, Instant now) {
        BigDecimal total = CurrencyConverter.cents(ResourceCost.monthlyTotal(budget.workspace));
        if (total.compareTo(budget.monthlyUsd) <= 0) {
            budget.ledgerExceededAt = null;
            return Optional.empty();
        }
        if (budget.ledgerExceededAt != null) {
            return Optional.empty();
        }
        budget.ledgerExceededAt = now;
        LOG.warnf("%s now costs %s USD/month, over its budget of %s", budget.workspace, total.toPlainString(),
                budget.monthlyUsd.toPlainString());
        return Optional.of(new BudgetExceeded(budget.workspace, budget.monthlyUsd, total, BudgetExceeded.LEDGER, now));
    }
}
