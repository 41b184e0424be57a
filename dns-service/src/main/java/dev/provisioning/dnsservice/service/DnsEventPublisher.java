package dev.provisioning.dnsservice.service;

import dev.provisioning.contracts.kafka.CloudEventMessages;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.dnsservice.config.DnsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Publishes dns-service's events on {@code provisioning.events}, with the trace context of the current span. */
@ApplicationScoped
public class DnsEventPublisher {

    private static final Logger LOG = Logger.getLogger(DnsEventPublisher.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Emitter<String> emitter;
    private final DnsConfig config;

    public DnsEventPublisher(@Channel("dns-events") Emitter<String> emitter, DnsConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * Sends and waits for the broker's acknowledgement, so the incoming record is committed only after its outcome
     * is on the topic. A send that fails is logged, not thrown: Route53 already holds the record, and parking a valid
     * event on the dead-letter topic would misreport it as malformed.
     */
    public void publish(ProvisioningMessage message) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> record = CloudEventMessages.of(config.eventSource(), message)
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(record);
        try {
            acknowledged.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            LOG.errorf("could not publish %s for %s: %s", message.getClass().getSimpleName(), message.key(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (TimeoutException e) {
            LOG.errorf("no acknowledgement within %d s for %s of %s", ACK_TIMEOUT_SECONDS,
                    message.getClass().getSimpleName(), message.key());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
