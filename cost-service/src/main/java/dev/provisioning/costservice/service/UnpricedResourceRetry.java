package dev.provisioning.costservice.service;

import dev.provisioning.contracts.tracing.TraceContextHeaders;
import dev.provisioning.costservice.messaging.ResourcePricedPublisher;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Prices again, on a schedule, the resources stored unpriced for a reason that can go away (price data was
 * unreachable, a size was not listed yet), and publishes their {@code ResourcePriced} in their original trace.
 */
@ApplicationScoped
public class UnpricedResourceRetry {

    private static final Logger LOG = Logger.getLogger(UnpricedResourceRetry.class);

    private final CostLedger ledger;
    private final ResourcePricedPublisher publisher;

    public UnpricedResourceRetry(CostLedger ledger, ResourcePricedPublisher publisher) {
        this.ledger = ledger;
        this.publisher = publisher;
    }

    @Scheduled(every = "${provisioning.cost.reprice-interval:5m}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryUnpriced() {
        for (CostLedger.Repriced repriced : ledger.repriceUnpriced()) {
            try (Scope ignored = TraceContextHeaders.fromTraceparent(repriced.traceparent()).makeCurrent()) {
                publisher.publish(repriced.event());
            } catch (RuntimeException e) {
                LOG.warnf("ResourcePriced for %s stays unpublished: %s", repriced.event().address(), e.getMessage());
            }
        }
    }
}
