package dev.provisioning.dnsservice.service;

import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.dnsservice.ManagedApexRecord;
import dev.provisioning.dnsservice.ManagedHealthCheck;
import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.dnsservice.client.RecordSet;
import dev.provisioning.dnsservice.client.Route53Gateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.model.ChangeAction;

/**
 * Puts back record sets changed outside dns-service: compares Route53 with the records it keeps (regional and apex)
 * every {@code provisioning.dns.drift-repair.every}, UPSERTs what differs in one batch per zone, logs at WARN what had
 * drifted and publishes {@code DnsRecordSynced} again. Health checks deleted out of band are created anew first.
 */
@ApplicationScoped
public class DriftRepair {

    private static final Logger LOG = Logger.getLogger(DriftRepair.class);

    /** A record set dns-service keeps, with what its event needs. */
    private record Kept(RecordSet recordSet, ResourceAddress address, ResourceAddress target, Runnable touch) {
    }

    private final Route53Gateway route53;
    private final ChangePropagation propagation;
    private final DnsInventory inventory;
    private final HealthCheckProvisioner healthChecks;
    private final DnsEventPublisher publisher;
    private final MeterRegistry meters;

    public DriftRepair(Route53Gateway route53, ChangePropagation propagation, DnsInventory inventory,
                       HealthCheckProvisioner healthChecks, DnsEventPublisher publisher, MeterRegistry meters) {
        this.route53 = route53;
        this.propagation = propagation;
        this.inventory = inventory;
        this.healthChecks = healthChecks;
        this.publisher = publisher;
        this.meters = meters;
    }

    @Scheduled(every = "${provisioning.dns.drift-repair.every}", identity = "dns-drift-repair",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            repairOnce();
        } catch (RuntimeException e) {
            LOG.errorf(e, "drift repair failed; next attempt at the next interval");
        }
    }

    /**
     * One comparison pass over every zone dns-service manages records in.
     *
     * @return how many record sets were put back
     */
    @WithSpan("dns.drift-repair")
    public synchronized int repairOnce() {
        restoreLostHealthChecks();
        Map<String, List<Kept>> byZone = new LinkedHashMap<>();
        Instant[] syncedAt = new Instant[1];
        String[] changeId = new String[1];
        for (ManagedRecord row : inventory.allRecords()) {
            ResourceAddress target = ResourceAddress.parse(row.targetAddress);
            byZone.computeIfAbsent(row.zoneId, z -> new ArrayList<>()).add(new Kept(
                    new RecordSet(row.recordName, row.recordType, row.ttl, row.values),
                    DnsIntent.recordAddress(row.workspace, row.recordName), target,
                    () -> inventory.touchRecord(row.id, changeId[0], syncedAt[0])));
        }
        for (ManagedApexRecord row : inventory.allApexRecords()) {
            byZone.computeIfAbsent(row.zoneId, z -> new ArrayList<>()).add(new Kept(row.recordSet(),
                    DnsIntent.apexAddress(row.workspace, row.apexName, row.setIdentifier),
                    ResourceAddress.parse(row.targetAddress), () -> inventory.touchApex(row.id, changeId[0],
                    syncedAt[0])));
        }
        int repaired = 0;
        for (Map.Entry<String, List<Kept>> zone : byZone.entrySet()) {
            try {
                List<RecordSet> live = route53.listRecordSets(zone.getKey());
                List<Kept> drifted = new ArrayList<>();
                for (Kept kept : zone.getValue()) {
                    Optional<RecordSet> current = live.stream().filter(l -> sameKey(l, kept.recordSet())).findFirst();
                    if (current.isEmpty() || !sameContent(current.get(), kept.recordSet())) {
                        LOG.warnf("drift: %s %s%s in zone %s holds %s in Route53, dns-service keeps %s for %s; "
                                        + "putting it back", kept.recordSet().name(), kept.recordSet().type(),
                                kept.recordSet().setIdentifier() == null ? "" : " set "
                                        + kept.recordSet().setIdentifier(), zone.getKey(),
                                current.map(DriftRepair::describe).orElse("nothing"), describe(kept.recordSet()),
                                kept.target());
                        drifted.add(kept);
                    }
                }
                if (drifted.isEmpty()) {
                    continue;
                }
                changeId[0] = route53.changeBatch(zone.getKey(), "dns-service drift repair", drifted.stream()
                        .map(k -> new Route53Gateway.RecordChange(ChangeAction.UPSERT, k.recordSet())).toList());
                propagation.awaitInSync(changeId[0]);
                syncedAt[0] = Instant.now();
                for (Kept kept : drifted) {
                    kept.touch().run();
                    RecordSet set = kept.recordSet();
                    publisher.publish(new DnsRecordSynced(null, kept.address(), kept.target(), zone.getKey(),
                            set.name(), set.type(), set.ttl(), set.answers(), syncedAt[0]));
                    meters.counter("dns.records.repaired", "type", set.type()).increment();
                }
                repaired += drifted.size();
            } catch (SdkException | ChangeNotInSyncException e) {
                LOG.errorf("drift repair of zone %s failed: %s", zone.getKey(), e.getMessage());
            }
        }
        return repaired;
    }

    /** A health check deleted outside dns-service is created again, and the apex record sets are pointed at it. */
    private void restoreLostHealthChecks() {
        for (ManagedHealthCheck row : inventory.allHealthChecks()) {
            try {
                if (route53.findHealthCheck(row.healthCheckId).isPresent()) {
                    continue;
                }
                String lost = row.healthCheckId;
                String replacement = healthChecks.ensure(row.workspace, ResourceAddress.parse(row.targetAddress),
                        row.settings()).check().id();
                inventory.replaceApexHealthCheck(lost, replacement);
                LOG.warnf("drift: health check %s of %s was deleted outside dns-service; replaced by %s", lost,
                        row.recordName, replacement);
            } catch (SdkException e) {
                LOG.errorf("drift repair of the health check of %s failed: %s", row.recordName, e.getMessage());
            }
        }
    }

    private static boolean sameKey(RecordSet a, RecordSet b) {
        return a.name().equals(b.name()) && a.type().equals(b.type())
                && Objects.equals(a.setIdentifier(), b.setIdentifier());
    }

    private static boolean sameContent(RecordSet live, RecordSet kept) {
        return live.ttl() == kept.ttl() && DnsRecordReconciler.sameTarget(live, kept)
                && Objects.equals(live.geo(), kept.geo()) && Objects.equals(live.healthCheckId(), kept.healthCheckId());
    }

    private static String describe(RecordSet set) {
        String answers = set.alias() == null ? set.values() + " ttl " + set.ttl()
                : "alias " + set.alias().dnsName() + " (zone " + set.alias().hostedZoneId() + ")";
        return answers + (set.geo() == null ? "" : " geo " + set.geo())
                + (set.healthCheckId() == null ? "" : " health check " + set.healthCheckId());
    }
}
