package dev.provisioning.costservice.service;

import dev.provisioning.contracts.tracing.TraceContextHeaders;
import dev.provisioning.costservice.messaging.CostEventsPublisher;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Prices again, on a schedule, the resources stored unpriced for a reason that can go away (price data was
 * unreachable, a size was not listed yet), publishes their {@code ResourcePriced} in their original trace, and
 * checks their workspaces' budgets.
 */
@ApplicationScoped
public class UnpricedResourceRetry {

    private static final Logger LOG = Logger.getLogger(UnpricedResourceRetry.class);

    private final CostLedger ledger;
    private final CostEventsPublisher publisher;
    private final LedgerBudgetCheck budgets;

    public UnpricedResourceRetry(CostLedger ledger, CostEventsPublisher publisher, LedgerBudgetCheck budgets) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.budgets = budgets;
    }

    @Scheduled(every = "${provisioning.cost.reprice-interval:5m}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryUnpriced() {
        Set<String> workspaces = new LinkedHashSet<>();
        for (CostLedger.Repriced repriced : ledger.repriceUnpriced()) {
            workspaces.add(repriced.event().address().workspace());
            try (Scope ignored = TraceContextHeaders.fromTraceparent(repriced.traceparent()).makeCurrent()) {
                publisher.publish(repriced.event());
            } catch (RuntimeException e) {
                LOG.warnf("ResourcePriced for %s stays unpublished: %s", repriced.event().address(), e.getMessage());
            }
        }
        for (String workspace : workspaces) {
            try {
                budgets.afterLedgerChange(workspace);
            } catch (RuntimeException e) {
                LOG.warnf("budget of %s not checked after re-pricing, checked again on its next change: %s",
                        workspace, e.getMessage());
            }
        }
    }
}
