package dev.provisioning.contracts.kafka;

import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds SmallRye Reactive Messaging messages in the CloudEvents Kafka binary binding, for services that publish
 * through an {@code Emitter<String>} (channel configured with {@code tracing-enabled=false} and
 * {@code cloud-events=false}, since the headers are written here).
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /** A message keyed by the message's key, with {@code ce_*} headers and the current trace context. */
    public static Message<String> of(String source, ProvisioningMessage message) {
        return Message.of(CloudEventCodec.data(message)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(message.key())
                .withHeaders(CloudEventCodec.headers(source, message, Context.current()))
                .build());
    }

    /**
     * Sends the event and blocks until the broker acknowledges it, so that the record being handled is committed
     * only once its outcome is on the topic.
     *
     * @throws EventNotPublishedException when the broker refuses it or does not answer within {@code timeout}
     */
    public static void publishAndAwait(Emitter<String> emitter, String source, ProvisioningMessage event,
                                       Duration timeout) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        emitter.send(of(source, event)
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        try {
            acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EventNotPublishedException(event, e.getCause());
        } catch (TimeoutException e) {
            throw new EventNotPublishedException(event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException(event, e);
        }
    }
}
