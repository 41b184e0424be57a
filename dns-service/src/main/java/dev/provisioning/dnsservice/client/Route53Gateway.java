package dev.provisioning.dnsservice.client;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The Route53 calls dns-service makes, in domain terms. SDK errors ({@code SdkException}) propagate after the SDK's
 * own bounded retries; the caller decides what a failure means.
 */
@ApplicationScoped
public class Route53Gateway {

    private final Route53Client route53;

    public Route53Gateway(Route53Client route53) {
        this.route53 = route53;
    }

    /**
     * The hosted zone named {@code zoneName}: the one created with {@code callerReference} if there is one, else the
     * first zone of that name (one an operator created by hand is adopted rather than duplicated).
     */
    @WithSpan(value = "route53.ListHostedZonesByName", kind = SpanKind.CLIENT)
    public Optional<Route53Zone> findZone(String zoneName, String callerReference) {
        String fqdn = fqdn(zoneName);
        List<Route53Zone> sameName = new ArrayList<>();
        String nextName = fqdn;
        String nextZoneId = null;
        while (true) {
            String startName = nextName;
            String startZoneId = nextZoneId;
            ListHostedZonesByNameResponse page = route53.listHostedZonesByName(r -> r.dnsName(startName)
                    .hostedZoneId(startZoneId));
            for (HostedZone zone : page.hostedZones()) {
                if (fqdn.equalsIgnoreCase(fqdn(zone.name()))) {
                    sameName.add(toZone(zone));
                }
            }
            // Results are sorted by name from dnsName on: once the next page starts at another name, we are done.
            if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextDNSName() == null
                    || !fqdn.equalsIgnoreCase(fqdn(page.nextDNSName()))) {
                break;
            }
            nextName = page.nextDNSName();
            nextZoneId = page.nextHostedZoneId();
        }
        return sameName.stream().filter(z -> callerReference.equals(z.callerReference())).findFirst()
                .or(() -> sameName.stream().findFirst());
    }

    /**
     * Creates the zone. Route53 refuses a second zone with the same caller reference, so a create repeated after a
     * lost response finds the first zone instead of making another.
     */
    @WithSpan(value = "route53.CreateHostedZone", kind = SpanKind.CLIENT)
    public Route53Zone createZone(String zoneName, String callerReference) {
        try {
            HostedZone zone = route53.createHostedZone(r -> r.name(zoneName)
                    .callerReference(callerReference)
                    .hostedZoneConfig(c -> c.comment("managed by dns-service").privateZone(false)))
                    .hostedZone();
            return toZone(zone);
        } catch (HostedZoneAlreadyExistsException e) {
            return findZone(zoneName, callerReference).orElseThrow(() -> e);
        }
    }

    /** Creates or replaces a record set; returns the Route53 change id. */
    @WithSpan(value = "route53.ChangeResourceRecordSets UPSERT", kind = SpanKind.CLIENT)
    public String upsert(String zoneId, RecordSet recordSet) {
        return change(zoneId, ChangeAction.UPSERT, recordSet);
    }

    /** Deletes a record set, which must match what Route53 holds exactly; returns the Route53 change id. */
    @WithSpan(value = "route53.ChangeResourceRecordSets DELETE", kind = SpanKind.CLIENT)
    public String delete(String zoneId, RecordSet recordSet) {
        return change(zoneId, ChangeAction.DELETE, recordSet);
    }

    /** The record set with exactly this name and type, if Route53 holds one. */
    @WithSpan(value = "route53.ListResourceRecordSets", kind = SpanKind.CLIENT)
    public Optional<RecordSet> findRecordSet(String zoneId, String name, String type) {
        ListResourceRecordSetsResponse page = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .startRecordName(fqdn(name))
                .startRecordType(RRType.fromValue(type))
                .maxItems("1"));
        return page.resourceRecordSets().stream()
                .filter(s -> fqdn(name).equalsIgnoreCase(fqdn(s.name())) && type.equals(s.typeAsString()))
                .findFirst()
                .map(s -> new RecordSet(bare(s.name()), s.typeAsString(), s.ttl() == null ? 0 : s.ttl(),
                        s.resourceRecords().stream().map(ResourceRecord::value).toList()));
    }

    /** Whether Route53 has propagated a change to all of its authoritative servers. */
    @WithSpan(value = "route53.GetChange", kind = SpanKind.CLIENT)
    public boolean isInSync(String changeId) {
        return route53.getChange(r -> r.id(changeId)).changeInfo().status() == ChangeStatus.INSYNC;
    }

    private String change(String zoneId, ChangeAction action, RecordSet recordSet) {
        ResourceRecordSet set = ResourceRecordSet.builder()
                .name(fqdn(recordSet.name()))
                .type(recordSet.type())
                .ttl(recordSet.ttl())
                .resourceRecords(recordSet.values().stream().map(v -> ResourceRecord.builder().value(v).build()).toList())
                .build();
        ChangeInfo info = route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .changeBatch(b -> b.comment("dns-service " + action + " " + recordSet.name())
                        .changes(Change.builder().action(action).resourceRecordSet(set).build())))
                .changeInfo();
        return info.id();
    }

    private static Route53Zone toZone(HostedZone zone) {
        return new Route53Zone(stripPrefix(zone.id()), bare(zone.name()), zone.callerReference());
    }

    private static String stripPrefix(String zoneId) {
        return zoneId.startsWith("/hostedzone/") ? zoneId.substring("/hostedzone/".length()) : zoneId;
    }

    private static String fqdn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private static String bare(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
