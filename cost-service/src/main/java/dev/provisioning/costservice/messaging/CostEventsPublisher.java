package dev.provisioning.costservice.messaging;

import dev.provisioning.contracts.kafka.CloudEventMessages;
import dev.provisioning.contracts.messages.BudgetExceeded;
import dev.provisioning.contracts.messages.ResourcePriced;
import dev.provisioning.costservice.config.CostConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes cost-service's events, {@code ResourcePriced} and {@code BudgetExceeded}, on {@code provisioning.events},
 * carrying the current trace context.
 */
@ApplicationScoped
public class CostEventsPublisher {

    private final Emitter<String> emitter;
    private final String source;
    private final Duration timeout;

    public CostEventsPublisher(@Channel("cost-events") Emitter<String> emitter, CostConfig config) {
        this.emitter = emitter;
        this.source = config.eventSource();
        this.timeout = config.publishTimeout();
    }

    /**
     * Sends the event and waits for the broker to acknowledge it, so the incoming record is only committed once
     * its outcome is on the topic.
     */
    @WithSpan("CostEventsPublisher.publish ResourcePriced")
    public void publish(ResourcePriced event) {
        CloudEventMessages.publishAndAwait(emitter, source, event, timeout);
    }

    /** Sends the event (keyed by workspace) and waits for the broker to acknowledge it. */
    @WithSpan("CostEventsPublisher.publish BudgetExceeded")
    public void publish(BudgetExceeded event) {
        CloudEventMessages.publishAndAwait(emitter, source, event, timeout);
    }
}
