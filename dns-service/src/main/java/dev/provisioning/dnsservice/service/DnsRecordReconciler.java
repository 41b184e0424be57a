package dev.provisioning.dnsservice.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.dnsservice.client.RecordSet;
import dev.provisioning.dnsservice.client.Route53Gateway;
import dev.provisioning.dnsservice.client.Route53Zone;
import dev.provisioning.dnsservice.config.DnsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Keeps Route53 in step with resource events: a ResourceReady with a {@code dns.name} becomes an UPSERT of that name
 * to the resource's address, a ResourceDeleted removes the record if it still points at that resource.
 *
 * <p>Route53 failures are never dead letters: the SDK retries throttling, 5xx and I/O errors with backoff; what still
 * fails is logged at ERROR and reported as a {@code ResourceFailed} for the record's address, and the consumer moves on.
 */
@ApplicationScoped
public class DnsRecordReconciler {

    private static final Logger LOG = Logger.getLogger(DnsRecordReconciler.class);

    private final HostedZoneResolver zones;
    private final Route53Gateway route53;
    private final ChangePropagation propagation;
    private final DnsInventory inventory;
    private final DnsEventPublisher publisher;
    private final DnsConfig config;
    private final MeterRegistry meters;

    public DnsRecordReconciler(HostedZoneResolver zones, Route53Gateway route53, ChangePropagation propagation,
                               DnsInventory inventory, DnsEventPublisher publisher, DnsConfig config,
                               MeterRegistry meters) {
        this.zones = zones;
        this.route53 = route53;
        this.propagation = propagation;
        this.inventory = inventory;
        this.publisher = publisher;
        this.config = config;
        this.meters = meters;
    }

    /** Points {@code dns.name} at the ready resource; does nothing for events without DNS context. */
    @WithSpan("dns.apply")
    public void apply(ResourceReady ready) {
        Optional<DnsIntent> found = DnsIntent.of(ready, config.defaultTtl());
        if (found.isEmpty()) {
            return;
        }
        DnsIntent intent = found.get();
        RecordSet wanted = intent.recordSet();
        Span.current().setAttribute("dns.record", wanted.name()).setAttribute("dns.target", intent.target().toString());
        try {
            Route53Zone zone = zones.ensureZone(intent.workspace(), intent.zoneName());
            String changeId = route53.upsert(zone.id(), wanted);
            propagation.awaitInSync(changeId);
            Instant syncedAt = Instant.now();
            inventory.recordSynced(intent, zone.id(), changeId, syncedAt);
            publisher.publish(new DnsRecordSynced(intent.rolloutId(), intent.recordAddress(), intent.target(), zone.id(),
                    wanted.name(), wanted.type(), wanted.ttl(), wanted.values(), syncedAt));
            meters.counter("dns.records.synced", "type", wanted.type()).increment();
            LOG.infof("%s %s %s ttl %d in zone %s (%s) now points at %s", wanted.name(), wanted.type(), wanted.values(),
                    wanted.ttl(), intent.zoneName(), zone.id(), intent.target());
        } catch (SdkException | ChangeNotInSyncException e) {
            reportFailure("UPSERT", intent.recordAddress(), intent.target(), intent.rolloutId(), ready.context(), e);
        }
    }

    /**
     * Deletes the record {@code dns.name} if it still points at the deleted resource, then publishes a
     * {@code DnsRecordSynced} with no values so followers of the stream see the name is gone. A record that has since
     * been moved to another resource is left alone.
     */
    @WithSpan("dns.remove")
    public void remove(ResourceDeleted deleted) {
        Optional<String> name = DnsIntent.recordName(deleted.context(), deleted.address());
        if (name.isEmpty()) {
            return;
        }
        String workspace = deleted.address().workspace();
        Optional<ManagedRecord> managed = inventory.record(workspace, name.get());
        if (managed.isEmpty()) {
            LOG.infof("%s is not a record dns-service manages in workspace %s; nothing to delete for %s", name.get(),
                    workspace, deleted.address());
            return;
        }
        ManagedRecord record = managed.get();
        if (!record.targetAddress.equals(deleted.address().toString())) {
            LOG.infof("%s now points at %s, not at the deleted %s; left as it is", name.get(), record.targetAddress,
                    deleted.address());
            return;
        }
        ResourceAddress recordAddress = DnsIntent.recordAddress(workspace, record.recordName);
        try {
            Optional<RecordSet> current = route53.findRecordSet(record.zoneId, record.recordName, record.recordType);
            if (current.isPresent() && sameValues(current.get().values(), record.values)) {
                propagation.awaitInSync(route53.delete(record.zoneId, current.get()));
            } else if (current.isPresent()) {
                // Someone changed the record outside this service: it no longer points at the deleted resource.
                LOG.warnf("%s holds %s in Route53, not the %s dns-service set for %s; left in place and no longer managed",
                        record.recordName, current.get().values(), record.values, deleted.address());
            }
            inventory.forget(record.id);
            publisher.publish(new DnsRecordSynced(deleted.rolloutId(), recordAddress, deleted.address(), record.zoneId,
                    record.recordName, record.recordType, record.ttl, List.of(), Instant.now()));
            meters.counter("dns.records.deleted", "type", record.recordType).increment();
            LOG.infof("%s %s removed: %s was deleted", record.recordName, record.recordType, deleted.address());
        } catch (SdkException | ChangeNotInSyncException e) {
            reportFailure("DELETE", recordAddress, deleted.address(), deleted.rolloutId(), deleted.context(), e);
        }
    }

    private void reportFailure(String action, ResourceAddress recordAddress, ResourceAddress target, String rolloutId,
                               Map<String, String> context, RuntimeException e) {
        String code = errorCode(e);
        boolean retryable = isRetryable(e);
        int attempts = e instanceof SdkException sdk && sdk.numAttempts() != null ? sdk.numAttempts() : 1;
        String message = describe(e);
        meters.counter("dns.route53.failures", "action", action, "code", code).increment();
        LOG.errorf("Route53 %s of %s for %s failed after %d attempt(s) (%s, %s): %s; rollout %s, context %s",
                action, recordAddress, target, attempts, code, retryable ? "gave up on a retryable error" : "permanent",
                message, rolloutId, context);
        publisher.publish(new ResourceFailed(rolloutId, recordAddress, Provider.AWS, code,
                "Route53 " + action + " failed: " + message, retryable, attempts, context, Instant.now()));
    }

    private static String errorCode(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        if (e instanceof ChangeNotInSyncException) {
            return "ChangeNotInSync";
        }
        return e instanceof SdkClientException ? "ClientError" : e.getClass().getSimpleName();
    }

    private static boolean isRetryable(RuntimeException e) {
        if (e instanceof AwsServiceException aws) {
            return aws.isThrottlingException() || aws.statusCode() >= 500;
        }
        return true;
    }

    /** The provider's own message: it names the zone or record, never the credentials. */
    private static String describe(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null) {
            return aws.awsErrorDetails().errorMessage() + " (HTTP " + aws.statusCode() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean sameValues(List<String> a, List<String> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }
}
