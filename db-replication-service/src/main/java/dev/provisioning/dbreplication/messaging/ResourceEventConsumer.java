package dev.provisioning.dbreplication.messaging;

import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.contracts.tracing.ConsumerSpans;
import dev.provisioning.dbreplication.service.TopologyRecorder;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code provisioning.events} as consumer group {@code db-replication-service}. A record that does not decode
 * is thrown back to the connector, which parks it on the dead-letter topic and carries on.
 */
@ApplicationScoped
public class ResourceEventConsumer {

    private final Tracer tracer;
    private final TopologyRecorder recorder;

    public ResourceEventConsumer(Tracer tracer, TopologyRecorder recorder) {
        this.tracer = tracer;
        this.recorder = recorder;
    }

    // Blocking and ordered: each record is one database transaction, applied in the order of its partition.
    @Incoming("resource-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        ConsumerSpans.process(tracer, record, "provisioning.events process", () -> {
            CloudEvent event = CloudEventCodec.decode(record);
            switch (event.type()) {
                case RESOURCE_READY -> recorder.recordReady(event.dataAs(ResourceReady.class));
                case RESOURCE_DELETED -> recorder.recordDeleted(event.dataAs(ResourceDeleted.class));
                default -> {
                    // Commands, DNS, cost and rollout events say nothing about the database topology.
                }
            }
        });
    }
}
