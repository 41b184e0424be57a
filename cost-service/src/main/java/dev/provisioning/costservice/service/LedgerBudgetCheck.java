package dev.provisioning.costservice.service;

import dev.provisioning.contracts.messages.BudgetExceeded;
import dev.provisioning.costservice.messaging.CostEventsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Announces {@code BudgetExceeded} ({@code source: ledger}) when a workspace's stored costs cross its budget; when
 * the announcement cannot be published, the crossing is forgotten so that a retry announces it.
 */
@ApplicationScoped
public class LedgerBudgetCheck {

    private final BudgetWatch watch;
    private final CostEventsPublisher publisher;
    private final MeterRegistry meters;

    public LedgerBudgetCheck(BudgetWatch watch, CostEventsPublisher publisher, MeterRegistry meters) {
        this.watch = watch;
        this.publisher = publisher;
        this.meters = meters;
    }

    /**
     * After a resource of the workspace was priced, re-priced or removed.
     *
     * @throws dev.provisioning.contracts.kafka.EventNotPublishedException when a crossing cannot be announced
     */
    public void afterLedgerChange(String workspace) {
        announce(workspace, watch.afterLedgerChange(workspace));
    }

    /**
     * After a new budget was given for the workspace: records it, and announces a crossing when the stored costs are
     * above it (and were not above the previous one).
     *
     * @throws dev.provisioning.contracts.kafka.EventNotPublishedException when a crossing cannot be announced
     */
    public void afterBudgetGiven(String workspace, BigDecimal monthlyUsd) {
        announce(workspace, watch.record(workspace, monthlyUsd));
    }

    private void announce(String workspace, Optional<BudgetExceeded> crossing) {
        if (crossing.isEmpty()) {
            return;
        }
        try {
            publisher.publish(crossing.get());
            meters.counter("cost.budget.exceeded", "source", BudgetExceeded.LEDGER).increment();
        } catch (RuntimeException e) {
            watch.rearm(workspace);
            throw e;
        }
    }
}
