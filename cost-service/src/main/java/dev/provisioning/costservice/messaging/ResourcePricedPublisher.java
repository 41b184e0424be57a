package dev.provisioning.costservice.messaging;

import dev.provisioning.contracts.kafka.CloudEventMessages;
import dev.provisioning.contracts.messages.ResourcePriced;
import dev.provisioning.costservice.config.CostConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes {@code ResourcePriced} on {@code provisioning.events}, carrying the current trace context. */
@ApplicationScoped
public class ResourcePricedPublisher {

    private final Emitter<String> emitter;
    private final String source;
    private final Duration timeout;

    public ResourcePricedPublisher(@Channel("resource-priced") Emitter<String> emitter, CostConfig config) {
        this.emitter = emitter;
        this.source = config.eventSource();
        this.timeout = config.publishTimeout();
    }

    /**
     * Sends the event and waits for the broker to acknowledge it, so the incoming record is only committed once
     * its outcome is on the topic.
     */
    @WithSpan("ResourcePricedPublisher.publish")
    public void publish(ResourcePriced event) {
        CloudEventMessages.publishAndAwait(emitter, source, event, timeout);
    }
}
