package dev.provisioning.cloudsim.aws.route53;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.DnsNames;
import dev.provisioning.cloudsim.state.ElbLoadBalancer;
import dev.provisioning.cloudsim.state.ElbStore;
import dev.provisioning.cloudsim.state.HealthCheckStore;
import dev.provisioning.cloudsim.state.HostedZone;
import dev.provisioning.cloudsim.state.HostedZoneStore;
import dev.provisioning.cloudsim.state.ResourceRecordSet;
import dev.provisioning.cloudsim.state.RoutingPolicies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TestDNSAnswer: the answer one of the zone's name servers would give a resolver, honouring routing policies and
 * health checks. Unhealthy record sets are skipped in favour of the next best one; when every candidate is unhealthy
 * Route53 answers as if all were healthy, and so does this.
 */
final class TestDnsAnswerHandler {

    /** Alias chains within a zone longer than this answer nothing (Route53 refuses loops when they are made). */
    private static final int MAX_ALIAS_DEPTH = 8;

    private final HostedZoneStore zones;
    private final HealthCheckStore healthChecks;
    private final ElbStore elb;

    /** @param elb load balancers alias record sets may point at; null when there are none */
    TestDnsAnswerHandler(HostedZoneStore zones, HealthCheckStore healthChecks, ElbStore elb) {
        this.zones = zones;
        this.healthChecks = healthChecks;
        this.elb = elb;
    }

    SimResponse answer(SimRequest request) {
        String zoneId = Route53Xml.bareId(required(request, "hostedzoneid"), "hostedzone");
        String recordName = DnsNames.canonical(required(request, "recordname"));
        String recordType = required(request, "recordtype").toUpperCase(Locale.ROOT);
        HostedZone zone = zones.zone(zoneId).orElseThrow(() -> new RejectedAwsRequest(404, "NoSuchHostedZone",
                "No hosted zone found with ID: " + zoneId));
        Optional<String> clientIp = request.queryParam("edns0clientsubnetip").filter(ip -> !ip.isBlank())
                .or(() -> request.queryParam("resolverip").filter(ip -> !ip.isBlank()));
        Optional<ResolverLocations.Location> location = clientIp.flatMap(ResolverLocations::locate);

        List<ResourceRecordSet> named = zones.records(zoneId).stream().filter(r -> r.name().equals(recordName))
                .toList();
        List<String> data = resolve(zoneId, recordName, recordType, location, Instant.now(), 0);
        String responseCode = named.isEmpty() && !hasDescendants(zoneId, recordName) ? "NXDOMAIN" : "NOERROR";

        XmlWriter xml = new XmlWriter().root("TestDNSAnswerResponse", Route53Xml.NAMESPACE)
                .element("Nameserver", zone.nameServers().get(0))
                .element("RecordName", recordName)
                .element("RecordType", recordType)
                .start("RecordData");
        data.forEach(value -> xml.element("RecordDataEntry", value));
        xml.end().element("ResponseCode", responseCode).element("Protocol", "UDP");
        return SimResponse.xml(200, xml.end().toString());
    }

    /** The record data for a name and type of the zone: its own record sets, else a CNAME of that name. */
    private List<String> resolve(String zoneId, String name, String type, Optional<ResolverLocations.Location> location,
                                 Instant now, int depth) {
        List<ResourceRecordSet> candidates = candidates(zoneId, name, type);
        if (candidates.isEmpty()) {
            return List.of();
        }
        if (RoutingPolicies.of(candidates.get(0)) == RoutingPolicies.Policy.MULTIVALUE) {
            return multiValue(candidates, now);
        }
        ResourceRecordSet chosen = select(candidates, location, now);
        return chosen == null ? List.of() : dataOf(zoneId, chosen, location, now, depth);
    }

    private List<ResourceRecordSet> candidates(String zoneId, String name, String type) {
        List<ResourceRecordSet> named = zones.records(zoneId).stream().filter(r -> r.name().equals(name)).toList();
        List<ResourceRecordSet> ofType = named.stream().filter(r -> r.type().equals(type)).toList();
        return ofType.isEmpty() ? named.stream().filter(r -> r.type().equals("CNAME")).toList() : ofType;
    }

    /**
     * What a record set answers: its values, or for an alias the addresses of the load balancer it names (A only;
     * ELBv2 gives the simulated ones no IPv6 address) or the answer for the record set of this zone it names.
     */
    private List<String> dataOf(String zoneId, ResourceRecordSet record, Optional<ResolverLocations.Location> location,
                                Instant now, int depth) {
        ResourceRecordSet.AliasTarget alias = record.aliasTarget();
        if (alias == null) {
            return record.values();
        }
        if (alias.hostedZoneId().equals(zoneId)) {
            return depth >= MAX_ALIAS_DEPTH ? List.of()
                    : resolve(zoneId, alias.dnsName(), record.type(), location, now, depth + 1);
        }
        return loadBalancer(alias).filter(lb -> record.type().equals("A")).map(ElbLoadBalancer::ipv4Addresses)
                .orElse(List.of());
    }

    /** The load balancer an alias names, when its zone id is that of the load balancer's region. */
    private Optional<ElbLoadBalancer> loadBalancer(ResourceRecordSet.AliasTarget alias) {
        if (elb == null) {
            return Optional.empty();
        }
        String dnsName = alias.dnsName().startsWith("dualstack.") ? alias.dnsName().substring("dualstack.".length())
                : alias.dnsName();
        return elb.loadBalancerNamed(dnsName).filter(lb -> lb.canonicalHostedZoneId().equals(alias.hostedZoneId()));
    }

    /** The record set that answers (null when none fits the client's place); not for multivalue answers. */
    private ResourceRecordSet select(List<ResourceRecordSet> candidates, Optional<ResolverLocations.Location> location,
                                     Instant now) {
        RoutingPolicies.Policy policy = RoutingPolicies.of(candidates.get(0));
        return switch (policy) {
            case SIMPLE -> candidates.get(0);
            case GEOLOCATION -> firstHealthy(geolocationOrder(candidates, location), now);
            case FAILOVER -> firstHealthy(candidates.stream()
                    .sorted(Comparator.comparing(r -> r.failover().equals("PRIMARY") ? 0 : 1)).toList(), now);
            // Weighted answers are random on Route53; the heaviest healthy record set keeps this one repeatable.
            case WEIGHTED -> firstHealthy(candidates.stream().filter(r -> r.weight() > 0)
                    .sorted(Comparator.comparing(ResourceRecordSet::weight).reversed()
                            .thenComparing(ResourceRecordSet::setIdentifier)).toList(), now);
            case LATENCY -> firstHealthy(candidates.stream()
                    .sorted(Comparator.comparing(r -> location.map(l -> continentOfRegion(r.region())
                            .equals(l.continentCode()) ? 0 : 1).orElse(1))).toList(), now);
            case MULTIVALUE -> null;
        };
    }

    private List<String> multiValue(List<ResourceRecordSet> candidates, Instant now) {
        List<String> values = new ArrayList<>();
        candidates.stream().filter(r -> healthy(r, now, 0)).forEach(r -> values.addAll(r.values()));
        return values.isEmpty() ? candidates.get(0).values() : values.stream().limit(8).toList();
    }

    /** Most specific first: country, then continent, then the default location {@code *}. */
    private static List<ResourceRecordSet> geolocationOrder(List<ResourceRecordSet> candidates,
                                                            Optional<ResolverLocations.Location> location) {
        List<ResourceRecordSet> ordered = new ArrayList<>();
        location.ifPresent(l -> {
            candidates.stream().filter(r -> l.countryCode().equals(r.geoLocation().countryCode())
                    && r.geoLocation().subdivisionCode() == null).forEach(ordered::add);
            candidates.stream().filter(r -> l.continentCode().equals(r.geoLocation().continentCode()))
                    .forEach(ordered::add);
        });
        candidates.stream().filter(r -> "*".equals(r.geoLocation().countryCode())).forEach(ordered::add);
        return ordered;
    }

    private ResourceRecordSet firstHealthy(List<ResourceRecordSet> ordered, Instant now) {
        if (ordered.isEmpty()) {
            return null;
        }
        return ordered.stream().filter(r -> healthy(r, now, 0)).findFirst().orElse(ordered.get(0));
    }

    /**
     * A record set's health check decides; without one, an alias that evaluates target health is as healthy as its
     * target: a load balancer while it exists, a record set of this zone by its own health.
     */
    private boolean healthy(ResourceRecordSet record, Instant now, int depth) {
        if (record.healthCheckId() != null) {
            return healthChecks.isHealthy(record.healthCheckId(), now);
        }
        ResourceRecordSet.AliasTarget alias = record.aliasTarget();
        if (alias == null || !alias.evaluateTargetHealth()) {
            return true;
        }
        Optional<HostedZone> sameZone = zones.zone(alias.hostedZoneId());
        if (sameZone.isPresent()) {
            return depth < MAX_ALIAS_DEPTH && candidates(alias.hostedZoneId(), alias.dnsName(), record.type()).stream()
                    .anyMatch(r -> healthy(r, now, depth + 1));
        }
        return loadBalancer(alias).isPresent();
    }

    private boolean hasDescendants(String zoneId, String name) {
        return zones.records(zoneId).stream().anyMatch(r -> r.name().endsWith("." + name));
    }

    private static String continentOfRegion(String region) {
        if (region == null) {
            return "";
        }
        if (region.startsWith("eu-") || region.startsWith("il-")) {
            return "EU";
        }
        if (region.startsWith("ap-") || region.startsWith("me-") || region.startsWith("cn-")) {
            return region.startsWith("ap-southeast-2") || region.startsWith("ap-southeast-4") ? "OC" : "AS";
        }
        if (region.startsWith("sa-")) {
            return "SA";
        }
        if (region.startsWith("af-")) {
            return "AF";
        }
        return "NA";
    }

    private static String required(SimRequest request, String name) {
        return request.queryParam(name).filter(v -> !v.isBlank()).orElseThrow(() -> RejectedAwsRequest.invalidInput(
                "1 validation error detected: Value null at '" + name + "' failed to satisfy constraint: "
                        + "Member must not be null"));
    }
}
