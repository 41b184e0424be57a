package dev.provisioning.dnsservice.messaging;

import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.contracts.tracing.ConsumerSpans;
import dev.provisioning.dnsservice.service.DnsRecordReconciler;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code provisioning.events} as consumer group {@code dns-service}. A record that does not decode (or whose
 * DNS context is unusable) is thrown back to the connector, which parks it on the dead-letter topic and carries on.
 */
@ApplicationScoped
public class ResourceEventConsumer {

    private final Tracer tracer;
    private final DnsRecordReconciler reconciler;

    public ResourceEventConsumer(Tracer tracer, DnsRecordReconciler reconciler) {
        this.tracer = tracer;
        this.reconciler = reconciler;
    }

    // Blocking and ordered: Route53 and the database are called synchronously, one record of a partition at a time,
    // so one resource's events are applied in the order they were published.
    @Incoming("resource-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        ConsumerSpans.process(tracer, record, "provisioning.events process", () -> {
            CloudEvent event = CloudEventCodec.decode(record);
            switch (event.type()) {
                case RESOURCE_READY -> reconciler.apply(event.dataAs(ResourceReady.class));
                case RESOURCE_DELETED -> reconciler.remove(event.dataAs(ResourceDeleted.class));
                default -> {
                    // Other events (our own DnsRecordSynced among them) say nothing about DNS.
                }
            }
        });
    }
}
