package dev.provisioning.dnsservice.client;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
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
import software.amazon.awssdk.services.route53.model.GeoLocation;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;

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

    /** One change of a batch: UPSERT or DELETE of a record set. */
    public record RecordChange(ChangeAction action, RecordSet recordSet) {
    }

    /**
     * Submits several changes as one batch, which Route53 applies all or nothing; returns the Route53 change id.
     */
    @WithSpan(value = "route53.ChangeResourceRecordSets", kind = SpanKind.CLIENT)
    public String changeBatch(String zoneId, String comment, List<RecordChange> changes) {
        ChangeInfo info = route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .changeBatch(b -> b.comment(comment).changes(changes.stream()
                        .map(c -> Change.builder().action(c.action()).resourceRecordSet(toSdk(c.recordSet())).build())
                        .toList())))
                .changeInfo();
        return info.id();
    }

    /** The record set with this name, type and set identifier (null for a simple one), if Route53 holds one. */
    @WithSpan(value = "route53.ListResourceRecordSets", kind = SpanKind.CLIENT)
    public Optional<RecordSet> findRecordSet(String zoneId, String name, String type, String setIdentifier) {
        ListResourceRecordSetsResponse page = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .startRecordName(fqdn(name))
                .startRecordType(RRType.fromValue(type))
                .startRecordIdentifier(setIdentifier)
                .maxItems("1"));
        return page.resourceRecordSets().stream()
                .filter(s -> fqdn(name).equalsIgnoreCase(fqdn(s.name())) && type.equals(s.typeAsString())
                        && java.util.Objects.equals(setIdentifier, s.setIdentifier()))
                .findFirst()
                .map(Route53Gateway::fromSdk);
    }

    /** Every record set of a zone, alias record sets included, following the pagination. */
    @WithSpan(value = "route53.ListResourceRecordSets", kind = SpanKind.CLIENT)
    public List<RecordSet> listRecordSets(String zoneId) {
        return route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .map(Route53Gateway::fromSdk)
                .toList();
    }

    /**
     * Creates a health check. Route53 returns the existing check for a repeated caller reference with the same settings
     * and throws {@code HealthCheckAlreadyExistsException} when the settings differ or the check was deleted.
     */
    @WithSpan(value = "route53.CreateHealthCheck", kind = SpanKind.CLIENT)
    public Route53HealthCheck createHealthCheck(String callerReference, HealthCheckSettings settings) {
        HealthCheck created = route53.createHealthCheck(r -> r.callerReference(callerReference)
                .healthCheckConfig(c -> c.type(settings.type())
                        .fullyQualifiedDomainName(settings.fqdn())
                        .port(settings.port())
                        .resourcePath(settings.path())
                        .requestInterval(settings.interval())
                        .failureThreshold(settings.threshold())))
                .healthCheck();
        return toHealthCheck(created);
    }

    @WithSpan(value = "route53.GetHealthCheck", kind = SpanKind.CLIENT)
    public Optional<Route53HealthCheck> findHealthCheck(String id) {
        try {
            return Optional.of(toHealthCheck(route53.getHealthCheck(r -> r.healthCheckId(id)).healthCheck()));
        } catch (NoSuchHealthCheckException e) {
            return Optional.empty();
        }
    }

    /** The live check created with this caller reference, looked up by listing every health check. */
    @WithSpan(value = "route53.ListHealthChecks", kind = SpanKind.CLIENT)
    public Optional<Route53HealthCheck> findHealthCheckByCallerReference(String callerReference) {
        return route53.listHealthChecksPaginator(r -> { }).healthChecks().stream()
                .filter(h -> callerReference.equals(h.callerReference()))
                .findFirst()
                .map(Route53Gateway::toHealthCheck);
    }

    /** Changes port, path, domain name and threshold in place; type and interval cannot change on Route53. */
    @WithSpan(value = "route53.UpdateHealthCheck", kind = SpanKind.CLIENT)
    public Route53HealthCheck updateHealthCheck(Route53HealthCheck current, HealthCheckSettings settings) {
        HealthCheck updated = route53.updateHealthCheck(r -> r.healthCheckId(current.id())
                .healthCheckVersion(current.version())
                .fullyQualifiedDomainName(settings.fqdn())
                .port(settings.port())
                .resourcePath(settings.path())
                .failureThreshold(settings.threshold()))
                .healthCheck();
        return toHealthCheck(updated);
    }

    /** Deletes a health check; one that is already gone is fine. */
    @WithSpan(value = "route53.DeleteHealthCheck", kind = SpanKind.CLIENT)
    public void deleteHealthCheck(String id) {
        try {
            route53.deleteHealthCheck(r -> r.healthCheckId(id));
        } catch (NoSuchHealthCheckException e) {
            // already deleted: what we wanted
        }
    }

    /**
     * Whether Route53 considers the endpoint healthy: as Route53 itself decides, when more than 18% of its checkers
     * report success.
     */
    @WithSpan(value = "route53.GetHealthCheckStatus", kind = SpanKind.CLIENT)
    public boolean isHealthy(String healthCheckId) {
        List<HealthCheckObservation> observations = route53.getHealthCheckStatus(r -> r.healthCheckId(healthCheckId))
                .healthCheckObservations();
        long successes = observations.stream().filter(o -> o.statusReport() != null
                && o.statusReport().status() != null && o.statusReport().status().startsWith("Success")).count();
        return !observations.isEmpty() && successes * 100 > observations.size() * 18L;
    }

    private String change(String zoneId, ChangeAction action, RecordSet recordSet) {
        return changeBatch(zoneId, "dns-service " + action + " " + recordSet.name(),
                List.of(new RecordChange(action, recordSet)));
    }

    private static ResourceRecordSet toSdk(RecordSet recordSet) {
        ResourceRecordSet.Builder set = ResourceRecordSet.builder()
                .name(fqdn(recordSet.name()))
                .type(recordSet.type())
                .setIdentifier(recordSet.setIdentifier())
                .healthCheckId(recordSet.healthCheckId());
        if (recordSet.alias() == null) {
            set.ttl(recordSet.ttl()).resourceRecords(recordSet.values().stream()
                    .map(v -> ResourceRecord.builder().value(v).build()).toList());
        } else {
            // An alias record set has neither TTL nor values: Route53 answers with the target's addresses.
            set.aliasTarget(AliasTarget.builder().hostedZoneId(recordSet.alias().hostedZoneId())
                    .dnsName(fqdn(recordSet.alias().dnsName()))
                    .evaluateTargetHealth(recordSet.alias().evaluateTargetHealth()).build());
        }
        if (recordSet.geo() != null) {
            set.geoLocation(recordSet.geo().equals("*") ? GeoLocation.builder().countryCode("*").build()
                    : GeoLocation.builder().continentCode(recordSet.geo()).build());
        }
        return set.build();
    }

    private static RecordSet fromSdk(ResourceRecordSet s) {
        String geo = null;
        if (s.geoLocation() != null) {
            geo = s.geoLocation().continentCode() != null ? s.geoLocation().continentCode()
                    : s.geoLocation().countryCode();
        }
        RecordSet.Alias alias = s.aliasTarget() == null ? null : new RecordSet.Alias(
                stripPrefix(s.aliasTarget().hostedZoneId()), bare(s.aliasTarget().dnsName()),
                Boolean.TRUE.equals(s.aliasTarget().evaluateTargetHealth()));
        return new RecordSet(bare(s.name()), s.typeAsString(), s.ttl() == null ? 0 : s.ttl(),
                s.resourceRecords().stream().map(ResourceRecord::value).toList(), s.setIdentifier(), geo,
                s.healthCheckId(), alias);
    }

    private static Route53HealthCheck toHealthCheck(HealthCheck check) {
        HealthCheckConfig c = check.healthCheckConfig();
        return new Route53HealthCheck(check.id(), check.callerReference(), new HealthCheckSettings(
                c.typeAsString(), c.fullyQualifiedDomainName() == null ? null : bare(c.fullyQualifiedDomainName()),
                c.port() == null ? 0 : c.port(), c.resourcePath(),
                c.requestInterval() == null ? 30 : c.requestInterval(),
                c.failureThreshold() == null ? 3 : c.failureThreshold()),
                check.healthCheckVersion() == null ? 1 : check.healthCheckVersion());
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
