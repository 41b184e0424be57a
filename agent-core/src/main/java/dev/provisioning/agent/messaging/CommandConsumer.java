package dev.provisioning.agent.messaging;

import dev.provisioning.agent.command.CommandHandler;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.tracing.ConsumerSpans;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the agent's command topic (channel {@code commands}): decodes each record, reconciles it inside a
 * consumer span that continues the command's trace, and publishes the outcome event. A record that is not a valid
 * command makes this method throw, so the channel's dead-letter strategy parks it and the partition moves on.
 */
@ApplicationScoped
public class CommandConsumer {

    private final CommandHandler handler;
    private final EventPublisher publisher;
    private final Tracer tracer;

    @Inject
    public CommandConsumer(CommandHandler handler, EventPublisher publisher, Tracer tracer) {
        this.handler = handler;
        this.publisher = publisher;
        this.tracer = tracer;
    }

    // Ordered blocking processing: commands for one resource arrive on one partition and must not overtake each other.
    @Incoming("commands")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        ConsumerSpans.process(tracer, record, record.topic() + " process", () -> {
            CloudEvent command = CloudEventCodec.decode(record);
            ProvisioningMessage outcome = handler.handle(command);
            publisher.publish(outcome);
        });
    }
}
