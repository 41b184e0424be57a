package dev.provisioning.contracts.kafka;

import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.opentelemetry.context.Context;
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
}
