package dev.provisioning.costservice.messaging;

import dev.provisioning.contracts.kafka.CloudEventMessages;
import dev.provisioning.contracts.messages.ResourcePriced;
import dev.provisioning.costservice.config.CostConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

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
     *
     * @throws IllegalStateException when the broker does not acknowledge in time
     */
    @WithSpan("ResourcePricedPublisher.publish")
    public void publish(ResourcePriced event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = CloudEventMessages.of(source, event)
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        try {
            acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing ResourcePriced for " + event.address(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ResourcePriced for " + event.address() + " was not published: "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
    }
}
