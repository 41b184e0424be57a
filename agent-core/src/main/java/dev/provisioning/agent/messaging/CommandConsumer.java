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
import java.util.concurrent.locks.Lock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the agent's command topic (channel {@code commands}): decodes each record, reconciles it inside a
 * consumer span that continues the command's trace, and publishes the outcome event. A record that is not a valid
 * command makes this method throw, so the channel's dead-letter strategy parks it and the partition moves on.
 */
@ApplicationScoped
public class CommandConsumer {

    /** The worker pool commands run on; see {@code META-INF/microprofile-config.properties} for its size. */
    public static final String WORKER_POOL = "agent-commands";

    private final KeyStripes stripes = new KeyStripes(64);
    private final CommandHandler handler;
    private final EventPublisher publisher;
    private final Tracer tracer;

    @Inject
    public CommandConsumer(CommandHandler handler, EventPublisher publisher, Tracer tracer) {
        this.handler = handler;
        this.publisher = publisher;
        this.tracer = tracer;
    }

    /**
     * Commands run side by side on the {@value #WORKER_POOL} worker pool (its {@code max-concurrency} bounds how many
     * provider calls are in flight), so a region's servers are provisioned together rather than one after another.
     * Commands for one resource address share a key, and their stripe lock keeps them from overtaking each other.
     */
    @Incoming("commands")
    @Blocking(value = WORKER_POOL, ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        Lock lock = stripes.of(record.key());
        lock.lock();
        try {
            ConsumerSpans.process(tracer, record, record.topic() + " process", () -> {
                CloudEvent command = CloudEventCodec.decode(record);
                ProvisioningMessage outcome = handler.handle(command);
                publisher.publish(outcome);
            });
        } finally {
            lock.unlock();
        }
    }
}
