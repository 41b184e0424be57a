package dev.provisioning.planner.service;

import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.JsonMapping;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.contracts.tracing.ConsumerSpans;
import dev.provisioning.planner.RecordedResource;
import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Follows {@code provisioning.events}: completes rollout steps and records what the providers reported. */
@ApplicationScoped
public class RolloutEvents {

    private static final Logger LOG = Logger.getLogger(RolloutEvents.class);

    private final Tracer tracer;
    private final RolloutScheduler scheduler;

    public RolloutEvents(Tracer tracer, RolloutScheduler scheduler) {
        this.tracer = tracer;
        this.scheduler = scheduler;
    }

    @Incoming("events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEventCodec.decode(record);
        ConsumerSpans.process(tracer, record, "planner " + event.type().ceType(),
                () -> QuarkusTransaction.requiringNew().run(() -> handle(event)));
    }

    private void handle(CloudEvent event) {
        if (event.data() instanceof ResourceReady ready) {
            record(ready, commandOf(ready.rolloutId(), ready.address().toString()));
            complete(ready.rolloutId(), ready.address().toString(), RolloutStep.Status.SUCCEEDED, ready.providerId(), null);
        } else if (event.data() instanceof ResourceFailed failed) {
            complete(failed.rolloutId(), failed.address().toString(), RolloutStep.Status.FAILED, null,
                    failed.errorCode() + ": " + failed.message()
                            + (failed.retryable() ? " (gave up after " + failed.attempts() + " attempts)" : ""));
        } else if (event.data() instanceof ResourceDeleted deleted) {
            RecordedResource.deleteById(deleted.address().toString());
            complete(deleted.rolloutId(), deleted.address().toString(), RolloutStep.Status.SUCCEEDED,
                    deleted.providerId(), null);
        } else if (event.data() instanceof DnsRecordSynced synced) {
            complete(synced.rolloutId(), synced.address().toString(), RolloutStep.Status.SUCCEEDED,
                    synced.zoneId(), String.join(",", synced.values()));
        }
        // Other events (prices, deletions, rollout completions) do not move a rollout.
    }

    /** The provision command of the step this event answers, if it belongs to a rollout of this planner. */
    private static ProvisionResource commandOf(String rolloutId, String address) {
        if (rolloutId == null) {
            return null;
        }
        RolloutStep step = RolloutStep.find("rolloutId = ?1 and stepKey = ?2", rolloutId, address).firstResult();
        return step == null || step.kind != RolloutStep.Kind.PROVISION ? null : RolloutScheduler.readCommand(step.command);
    }

    private static void record(ResourceReady ready, ProvisionResource command) {
        RecordedResource resource = RecordedResource.findById(ready.address().toString());
        if (resource == null) {
            resource = new RecordedResource();
            resource.address = ready.address().toString();
        }
        resource.workspace = ready.address().workspace();
        resource.provider = ready.provider().id();
        resource.providerId = ready.providerId();
        resource.size = ready.size();
        try {
            resource.addresses = JsonMapping.mapper().writeValueAsString(ready.addresses());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        resource.region = ready.address().region();
        resource.providerRegion = ready.providerRegion();
        if (command != null) {
            resource.spec = JsonMapping.mapper().valueToTree(command.spec()).toString();
        }
        resource.updatedAt = ready.readyAt();
        resource.persist();
    }

    private void complete(String rolloutId, String stepKey, RolloutStep.Status status, String providerId, String detail) {
        if (rolloutId == null) {
            return;
        }
        RolloutStep step = RolloutStep.find("rolloutId = ?1 and stepKey = ?2", rolloutId, stepKey).firstResult();
        if (step == null) {
            LOG.debugf("event for %s in rollout %s matches no step", stepKey, rolloutId);
            return;
        }
        if (step.status == RolloutStep.Status.SUCCEEDED || step.status == RolloutStep.Status.FAILED) {
            return;
        }
        step.status = status;
        step.completedAt = Instant.now();
        step.providerId = providerId;
        step.detail = detail;
        Rollout rollout = Rollout.findById(rolloutId);
        if (rollout != null) {
            scheduler.advance(rollout);
        }
    }
}
