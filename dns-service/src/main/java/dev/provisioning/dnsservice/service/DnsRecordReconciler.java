package dev.provisioning.dnsservice.service;

import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.cloudevents.MalformedMessageException;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.dnsservice.ManagedApexRecord;
import dev.provisioning.dnsservice.ManagedHealthCheck;
import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.dnsservice.client.ElbZoneLookup;
import dev.provisioning.dnsservice.client.RecordSet;
import dev.provisioning.dnsservice.client.Route53Gateway;
import dev.provisioning.dnsservice.client.Route53Zone;
import dev.provisioning.dnsservice.config.DnsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.Route53Exception;

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
    private final HealthCheckProvisioner healthChecks;
    private final Route53Gateway route53;
    private final ElbZoneLookup elbZones;
    private final ChangePropagation propagation;
    private final DnsInventory inventory;
    private final DnsEventPublisher publisher;
    private final DnsConfig config;
    private final MeterRegistry meters;

    public DnsRecordReconciler(HostedZoneResolver zones, HealthCheckProvisioner healthChecks, Route53Gateway route53,
                               ElbZoneLookup elbZones, ChangePropagation propagation, DnsInventory inventory,
                               DnsEventPublisher publisher, DnsConfig config, MeterRegistry meters) {
        this.zones = zones;
        this.healthChecks = healthChecks;
        this.route53 = route53;
        this.elbZones = elbZones;
        this.propagation = propagation;
        this.inventory = inventory;
        this.publisher = publisher;
        this.config = config;
        this.meters = meters;
    }


    /**
     * Points {@code dns.name} at the ready resource, with its health check and this region's apex record sets, in one
     * change batch; does nothing for events without DNS context.
     */
    @WithSpan("dns.apply")
    public void apply(ResourceReady ready) {
        Optional<DnsIntent> found;
        try {
            found = DnsIntent.of(ready, config.defaultTtl());
        } catch (MalformedMessageException unusable) {
            reportUnusableContext(ready, unusable);
            throw unusable;
        }
        if (found.isEmpty()) {
            return;
        }
        DnsIntent intent = found.get();
        RecordSet wanted = intent.recordSet();
        Span.current().setAttribute("dns.record", wanted.name()).setAttribute("dns.target", intent.target().toString());
        try {
            Route53Zone zone = zones.ensureZone(intent.workspace(), intent.zoneName());
            String healthCheckId = null;
            String replacedCheck = null;
            if (intent.healthCheck() != null) {
                HealthCheckProvisioner.Ensured ensured = healthChecks.ensure(intent.workspace(), intent.target(),
                        intent.healthCheck());
                healthCheckId = ensured.check().id();
                replacedCheck = ensured.replacedId();
            }
            List<Route53Gateway.RecordChange> changes = new ArrayList<>();
            changes.add(new Route53Gateway.RecordChange(ChangeAction.UPSERT, wanted));
            RecordSet.Alias alias = intent.apexRecords().isEmpty() ? null : apexAlias(intent);
            List<RecordSet> apexSets = new ArrayList<>();
            for (DnsIntent.ApexRecord apex : intent.apexRecords()) {
                RecordSet apexSet = apexRecordSet(wanted, apex, healthCheckId, alias);
                apexSets.add(apexSet);
                changes.add(new Route53Gateway.RecordChange(ChangeAction.UPSERT, apexSet));
            }
            // Apex record sets this resource answered before but its context no longer asks for.
            List<ManagedApexRecord> stale = inventory.apexRecordsOfTarget(intent.target().toString()).stream()
                    .filter(row -> row.zoneId.equals(zone.id()) && intent.apexRecords().stream().noneMatch(a ->
                            a.name().equals(row.apexName) && a.setIdentifier().equals(row.setIdentifier)))
                    .toList();
            for (ManagedApexRecord row : stale) {
                route53.findRecordSet(row.zoneId, row.apexName, row.recordType, row.setIdentifier)
                        .ifPresent(current -> changes.add(new Route53Gateway.RecordChange(ChangeAction.DELETE, current)));
            }
            String changeId = route53.changeBatch(zone.id(), "dns-service " + intent.target(), changes);
            propagation.awaitInSync(changeId);
            Instant syncedAt = Instant.now();
            inventory.recordSynced(intent, zone.id(), changeId, syncedAt);
            publisher.publish(new DnsRecordSynced(intent.rolloutId(), intent.recordAddress(), intent.target(), zone.id(),
                    wanted.name(), wanted.type(), wanted.ttl(), wanted.values(), syncedAt));
            meters.counter("dns.records.synced", "type", wanted.type()).increment();
            LOG.infof("%s %s %s ttl %d in zone %s (%s) now points at %s", wanted.name(), wanted.type(), wanted.values(),
                    wanted.ttl(), intent.zoneName(), zone.id(), intent.target());
            for (int i = 0; i < intent.apexRecords().size(); i++) {
                DnsIntent.ApexRecord apex = intent.apexRecords().get(i);
                RecordSet apexSet = apexSets.get(i);
                inventory.recordApex(intent, apex, apexSet, zone.id(), changeId, syncedAt);
                publisher.publish(new DnsRecordSynced(intent.rolloutId(), apex.address(intent.workspace()),
                        intent.target(), zone.id(), apex.name(), apexSet.type(), apexSet.ttl(), apexSet.answers(),
                        syncedAt));
                meters.counter("dns.records.synced", "type", apexSet.type()).increment();
                LOG.infof("%s %s set %s for location %s answers %s%s (health check %s)", apex.name(), apexSet.type(),
                        apex.setIdentifier(), apex.geo(), apexSet.answers(), apexSet.alias() == null ? ""
                                : " (alias, zone " + apexSet.alias().hostedZoneId() + ")", healthCheckId);
            }
            for (ManagedApexRecord row : stale) {
                inventory.forgetApex(row.id);
                publisher.publish(new DnsRecordSynced(intent.rolloutId(), DnsIntent.apexAddress(row.workspace,
                        row.apexName, row.setIdentifier), intent.target(), row.zoneId, row.apexName, row.recordType,
                        row.ttl, List.of(), syncedAt));
            }
            if (replacedCheck != null) {
                deleteHealthCheckQuietly(replacedCheck, "replaced by " + healthCheckId);
            }
        } catch (SdkException | ChangeNotInSyncException e) {
            reportFailure("UPSERT", intent.recordAddress(), intent.target(), intent.rolloutId(), ready.context(), e);
        }
    }

    /**
     * Deletes, in one change batch, the record {@code dns.name} if it still points at the deleted resource and the apex
     * record sets that answer with it; then its health check. Publishes a {@code DnsRecordSynced} with no values for
     * each, so followers of the stream see them gone. A record that has since been moved to another resource is left
     * alone.
     */
    @WithSpan("dns.remove")
    public void remove(ResourceDeleted deleted) {
        Optional<String> name = DnsIntent.recordName(deleted.context(), deleted.address());
        if (name.isEmpty()) {
            return;
        }
        String workspace = deleted.address().workspace();
        String target = deleted.address().toString();
        Optional<ManagedRecord> managed = inventory.record(workspace, name.get());
        if (managed.isEmpty()) {
            LOG.infof("%s is not a record dns-service manages in workspace %s; nothing to delete for %s", name.get(),
                    workspace, deleted.address());
        } else if (!managed.get().targetAddress.equals(target)) {
            LOG.infof("%s now points at %s, not at the deleted %s; left as it is", name.get(),
                    managed.get().targetAddress, deleted.address());
        }
        Optional<ManagedRecord> regional = managed.filter(r -> r.targetAddress.equals(target));
        List<ManagedApexRecord> apexRows = inventory.apexRecordsOfTarget(target);
        Optional<ManagedHealthCheck> healthCheck = inventory.healthCheck(workspace, name.get())
                .filter(h -> h.targetAddress.equals(target));
        ResourceAddress recordAddress = DnsIntent.recordAddress(workspace, name.get());
        try {
            Map<String, List<Route53Gateway.RecordChange>> deletesByZone = new LinkedHashMap<>();
            regional.ifPresent(record -> route53.findRecordSet(record.zoneId, record.recordName, record.recordType)
                    .ifPresent(current -> {
                        if (sameValues(current.values(), record.values)) {
                            deletesByZone.computeIfAbsent(record.zoneId, z -> new ArrayList<>())
                                    .add(new Route53Gateway.RecordChange(ChangeAction.DELETE, current));
                        } else {
                            // Someone changed the record outside this service: it no longer points at the deleted
                            // resource.
                            LOG.warnf("%s holds %s in Route53, not the %s dns-service set for %s; left in place and "
                                    + "no longer managed", record.recordName, current.values(), record.values, target);
                        }
                    }));
            for (ManagedApexRecord row : apexRows) {
                route53.findRecordSet(row.zoneId, row.apexName, row.recordType, row.setIdentifier)
                        .filter(current -> sameTarget(current, row.recordSet()))
                        .ifPresent(current -> deletesByZone.computeIfAbsent(row.zoneId, z -> new ArrayList<>())
                                .add(new Route53Gateway.RecordChange(ChangeAction.DELETE, current)));
            }
            for (Map.Entry<String, List<Route53Gateway.RecordChange>> zone : deletesByZone.entrySet()) {
                propagation.awaitInSync(route53.changeBatch(zone.getKey(), "dns-service deleted " + target,
                        zone.getValue()));
            }
            Instant now = Instant.now();
            regional.ifPresent(record -> {
                inventory.forget(record.id);
                publisher.publish(new DnsRecordSynced(deleted.rolloutId(), recordAddress, deleted.address(),
                        record.zoneId, record.recordName, record.recordType, record.ttl, List.of(), now));
                meters.counter("dns.records.deleted", "type", record.recordType).increment();
                LOG.infof("%s %s removed: %s was deleted", record.recordName, record.recordType, target);
            });
            for (ManagedApexRecord row : apexRows) {
                inventory.forgetApex(row.id);
                publisher.publish(new DnsRecordSynced(deleted.rolloutId(), DnsIntent.apexAddress(workspace,
                        row.apexName, row.setIdentifier), deleted.address(), row.zoneId, row.apexName, row.recordType,
                        row.ttl, List.of(), now));
                meters.counter("dns.records.deleted", "type", row.recordType).increment();
                LOG.infof("%s %s set %s removed: %s was deleted", row.apexName, row.recordType, row.setIdentifier,
                        target);
            }
            healthCheck.ifPresent(check -> {
                deleteHealthCheckQuietly(check.healthCheckId, target + " was deleted");
                inventory.forgetHealthCheck(check.id);
            });
        } catch (SdkException | ChangeNotInSyncException e) {
            reportFailure("DELETE", recordAddress, deleted.address(), deleted.rolloutId(), deleted.context(), e);
        }
    }

    /**
     * An apex record set of this region: the regional record's type, TTL and values; for a resource reached only by
     * host name that is an AWS load balancer, an alias {@code A} record set to it instead (a CNAME may not sit at
     * the zone apex, and an alias answers with the load balancer's addresses).
     */
    private static RecordSet apexRecordSet(RecordSet regional, DnsIntent.ApexRecord apex, String healthCheckId,
                                           RecordSet.Alias alias) {
        if (alias != null) {
            return new RecordSet(apex.name(), "A", 0, List.of(), apex.setIdentifier(), apex.geo(), healthCheckId,
                    alias);
        }
        return new RecordSet(apex.name(), regional.type(), regional.ttl(), regional.values(), apex.setIdentifier(),
                apex.geo(), healthCheckId);
    }

    /**
     * The alias target of the apex record sets when the regional record is a CNAME to a load balancer; null when the
     * regional record has addresses.
     *
     * @throws MalformedMessageException when the host name is no AWS load balancer and the apex is the zone apex,
     *                                   where a CNAME is not allowed: the event can never succeed
     */
    private RecordSet.Alias apexAlias(DnsIntent intent) {
        RecordSet regional = intent.recordSet();
        if (!regional.type().equals("CNAME")) {
            return null;
        }
        String host = regional.values().get(0);
        Optional<String> zoneId = elbZones.canonicalHostedZoneId(host);
        if (zoneId.isPresent()) {
            return new RecordSet.Alias(zoneId.get(), host, true);
        }
        if (intent.apexRecords().stream().anyMatch(a -> a.name().equals(intent.zoneName()))) {
            throw new MalformedMessageException("resource " + intent.target() + " has only a host name (" + host
                    + "), which is no AWS load balancer an alias could point at, and a CNAME cannot sit at the zone "
                    + "apex '" + intent.zoneName() + "'");
        }
        return null;
    }

    /** Whether Route53 still holds what dns-service set: the same values, or the same alias target. */
    static boolean sameTarget(RecordSet live, RecordSet kept) {
        if (kept.alias() != null || live.alias() != null) {
            return kept.alias() != null && live.alias() != null
                    && kept.alias().dnsName().equalsIgnoreCase(live.alias().dnsName())
                    && kept.alias().hostedZoneId().equals(live.alias().hostedZoneId())
                    && kept.alias().evaluateTargetHealth() == live.alias().evaluateTargetHealth();
        }
        return sameValues(live.values(), kept.values());
    }

    /** A health check some record set still names cannot be deleted; that is worth a warning, not a failure. */
    private void deleteHealthCheckQuietly(String healthCheckId, String why) {
        try {
            route53.deleteHealthCheck(healthCheckId);
            LOG.infof("health check %s deleted: %s", healthCheckId, why);
        } catch (Route53Exception e) {
            if (e.awsErrorDetails() == null || !"HealthCheckInUse".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            LOG.warnf("health check %s not deleted (%s): a record set outside dns-service still uses it",
                    healthCheckId, why);
        }
    }

    /**
     * The rollout waiting for this record learns at once that it will never come (the event itself is then parked on
     * the dead-letter topic with the reason); without a usable record name there is no step to tell.
     */
    private void reportUnusableContext(ResourceReady ready, MalformedMessageException unusable) {
        String name = ready.context().get(ContextKeys.DNS_NAME);
        if (name == null || !ResourceAddress.isValidSegment(name.endsWith(".") ? name.substring(0, name.length() - 1) : name)) {
            return;
        }
        ResourceAddress record = new ResourceAddress(ready.address().workspace(), "global", "dns-record",
                name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
        publisher.publish(new ResourceFailed(ready.rolloutId(), record, Provider.AWS, "invalid_dns_context",
                unusable.getMessage(), false, 1, ready.context(), Instant.now()));
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

    static boolean sameValues(List<String> a, List<String> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }
}
