package dev.provisioning.costservice.messaging;

import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.contracts.tracing.ConsumerSpans;
import dev.provisioning.costservice.service.CostLedger;
import dev.provisioning.costservice.service.LedgerBudgetCheck;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code provisioning.events}: prices resources when they become ready and forgets them when deleted, and
 * announces when that takes a workspace's total over its budget.
 * A record that does not decode fails at once and the channel parks it on the dead-letter topic; a valid event whose
 * handling fails (database or broker briefly away) is tried a few times first, since handling is idempotent.
 */
@ApplicationScoped
public class ResourceEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ResourceEventsConsumer.class);
    private static final int ATTEMPTS = 3;
    private static final long BACKOFF_MILLIS = 500;

    private final CostLedger ledger;
    private final CostEventsPublisher publisher;
    private final LedgerBudgetCheck budgets;
    private final Tracer tracer;

    public ResourceEventsConsumer(CostLedger ledger, CostEventsPublisher publisher, LedgerBudgetCheck budgets,
                                  Tracer tracer) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.budgets = budgets;
        this.tracer = tracer;
    }

    @Incoming("resource-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        ConsumerSpans.process(tracer, record, "provisioning.events process", () -> handle(record));
    }

    private void handle(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = CloudEventCodec.decode(record);
        } catch (RuntimeException e) {
            LOG.warnf("dead-lettering record %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            throw e;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                apply(event.data());
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    LOG.errorf("giving up on %s %s after %d attempts: %s", event.type().ceType(), event.key(),
                            attempt, e.getMessage());
                    throw e;
                }
                LOG.warnf("attempt %d of %d on %s %s failed, retrying: %s", attempt, ATTEMPTS, event.type().ceType(),
                        event.key(), e.getMessage());
                pause(BACKOFF_MILLIS * attempt);
            }
        }
    }

    private void apply(ProvisioningMessage data) {
        if (data instanceof ResourceReady ready) {
            // Published after the ledger's transaction commits, so the event never announces an unsaved price.
            ledger.record(ready).ifPresent(publisher::publish);
            budgets.afterLedgerChange(ready.address().workspace());
        } else if (data instanceof ResourceDeleted deleted) {
            ledger.remove(deleted);
            budgets.afterLedgerChange(deleted.address().workspace());
        }
        // Every other event on the topic (DNS, rollouts, our own ResourcePriced) is for other consumers.
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
