package dev.provisioning.cloudsim.aws.route53;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlElements;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.DnsChange;
import dev.provisioning.cloudsim.state.DnsNames;
import dev.provisioning.cloudsim.state.HostedZone;
import dev.provisioning.cloudsim.state.HostedZoneStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Hosted zone operations: create, get, delete, list, list by name and count. */
final class HostedZonesHandler {

    private static final int MAX_ZONES_PER_PAGE = 100;
    private static final Comparator<HostedZone> BY_NAME =
            Comparator.comparing(HostedZone::name, DnsNames.ROUTE53_ORDER).thenComparing(HostedZone::id);

    private final HostedZoneStore store;

    HostedZonesHandler(HostedZoneStore store) {
        this.store = store;
    }

    SimResponse create(SimRequest request) {
        Element root = Route53Api.requestDocument(request, "CreateHostedZoneRequest");
        String name = required(root, "Name", "name");
        String callerReference = required(root, "CallerReference", "callerReference");
        Optional<Element> config = XmlElements.child(root, "HostedZoneConfig");
        String comment = config.flatMap(c -> XmlElements.childText(c, "Comment")).orElse(null);
        boolean privateRequested = config.flatMap(c -> XmlElements.childText(c, "PrivateZone"))
                .map(Boolean::parseBoolean).orElse(false);
        List<HostedZone.Vpc> vpcs = XmlElements.child(root, "VPC")
                .map(vpc -> List.of(new HostedZone.Vpc(
                        XmlElements.childText(vpc, "VPCRegion").orElse(null),
                        XmlElements.childText(vpc, "VPCId").orElse(null))))
                .orElse(List.of());
        if (privateRequested && (vpcs.isEmpty() || vpcs.get(0).id() == null || vpcs.get(0).region() == null)) {
            throw RejectedAwsRequest.invalidInput("When you're creating a private hosted zone (when you specify "
                    + "true for PrivateZone), you must also specify values for VPCId and VPCRegion.");
        }
        String canonical = DnsNames.canonical(name);
        if (!DnsNames.isValid(canonical)) {
            throw new RejectedAwsRequest(400, "InvalidDomainName", name + " is not a valid domain name.");
        }
        HostedZoneStore.ZoneCreation creation = store.create(canonical, callerReference, comment, !vpcs.isEmpty(),
                vpcs, Instant.now());
        HostedZone zone = creation.zone();
        XmlWriter xml = new XmlWriter().root("CreateHostedZoneResponse", Route53Xml.NAMESPACE);
        Route53Xml.hostedZone(xml, zone, store.recordSetCount(zone.id()));
        Route53Xml.changeInfo(xml, creation.change());
        Route53Xml.delegationSet(xml, zone);
        zone.vpcs().forEach(vpc -> Route53Xml.vpc(xml, vpc));
        return SimResponse.xml(201, xml.end().toString())
                .header("Location", request.baseUrl() + "/2013-04-01/hostedzone/" + zone.id());
    }

    SimResponse get(String zoneId) {
        HostedZone zone = zone(zoneId);
        XmlWriter xml = new XmlWriter().root("GetHostedZoneResponse", Route53Xml.NAMESPACE);
        Route53Xml.hostedZone(xml, zone, store.recordSetCount(zone.id()));
        if (zone.privateZone()) {
            xml.start("VPCs");
            zone.vpcs().forEach(vpc -> Route53Xml.vpc(xml, vpc));
            xml.end();
        } else {
            Route53Xml.delegationSet(xml, zone);
        }
        return SimResponse.xml(200, xml.end().toString());
    }

    SimResponse delete(String zoneId) {
        DnsChange change = store.delete(zoneId, Instant.now());
        XmlWriter xml = new XmlWriter().root("DeleteHostedZoneResponse", Route53Xml.NAMESPACE);
        Route53Xml.changeInfo(xml, change);
        return SimResponse.xml(200, xml.end().toString());
    }

    /** ListHostedZones: ordered by id, {@code marker} is the id of the first zone of the page. */
    SimResponse list(SimRequest request) {
        int maxItems = Route53Xml.maxItems(request.queryParam("maxitems").orElse(null), MAX_ZONES_PER_PAGE,
                MAX_ZONES_PER_PAGE);
        Optional<String> marker = request.queryParam("marker").map(m -> Route53Xml.bareId(m, "hostedzone"));
        Optional<String> type = request.queryParam("hostedzonetype");
        List<HostedZone> zones = store.zones().stream()
                .filter(z -> type.isEmpty() || (type.get().equals("PrivateHostedZone") == z.privateZone()))
                .filter(z -> marker.isEmpty() || z.id().compareTo(marker.get()) >= 0)
                .toList();
        boolean truncated = zones.size() > maxItems;
        XmlWriter xml = new XmlWriter().root("ListHostedZonesResponse", Route53Xml.NAMESPACE).start("HostedZones");
        zones.stream().limit(maxItems).forEach(z -> Route53Xml.hostedZone(xml, z, store.recordSetCount(z.id())));
        xml.end();
        marker.ifPresent(m -> xml.element("Marker", m));
        xml.element("IsTruncated", truncated);
        if (truncated) {
            xml.element("NextMarker", zones.get(maxItems).id());
        }
        xml.element("MaxItems", maxItems);
        return SimResponse.xml(200, xml.end().toString());
    }

    /** ListHostedZonesByName: ordered by name with labels reversed, then id. */
    SimResponse listByName(SimRequest request) {
        int maxItems = Route53Xml.maxItems(request.queryParam("maxitems").orElse(null), MAX_ZONES_PER_PAGE,
                MAX_ZONES_PER_PAGE);
        Optional<String> dnsName = request.queryParam("dnsname").filter(n -> !n.isBlank()).map(DnsNames::canonical);
        Optional<String> zoneId = request.queryParam("hostedzoneid").map(id -> Route53Xml.bareId(id, "hostedzone"));
        if (zoneId.isPresent() && dnsName.isEmpty()) {
            throw RejectedAwsRequest.invalidInput("The input is not valid: if you specify hostedzoneid, "
                    + "you must also specify dnsname.");
        }
        List<HostedZone> zones = store.zones().stream().sorted(BY_NAME)
                .filter(z -> dnsName.isEmpty() || startsAtOrAfter(z, dnsName.get(), zoneId.orElse("")))
                .toList();
        boolean truncated = zones.size() > maxItems;
        XmlWriter xml = new XmlWriter().root("ListHostedZonesByNameResponse", Route53Xml.NAMESPACE)
                .start("HostedZones");
        zones.stream().limit(maxItems).forEach(z -> Route53Xml.hostedZone(xml, z, store.recordSetCount(z.id())));
        xml.end();
        dnsName.ifPresent(n -> xml.element("DNSName", n));
        zoneId.ifPresent(id -> xml.element("HostedZoneId", id));
        xml.element("IsTruncated", truncated);
        if (truncated) {
            HostedZone next = zones.get(maxItems);
            xml.element("NextDNSName", next.name()).element("NextHostedZoneId", next.id());
        }
        xml.element("MaxItems", maxItems);
        return SimResponse.xml(200, xml.end().toString());
    }

    SimResponse count() {
        String document = new XmlWriter().root("GetHostedZoneCountResponse", Route53Xml.NAMESPACE)
                .element("HostedZoneCount", store.zones().size())
                .end()
                .toString();
        return SimResponse.xml(200, document);
    }

    private HostedZone zone(String zoneId) {
        return store.zone(zoneId).orElseThrow(() -> new RejectedAwsRequest(404, "NoSuchHostedZone",
                "No hosted zone found with ID: " + zoneId));
    }

    private static boolean startsAtOrAfter(HostedZone zone, String dnsName, String zoneId) {
        int byName = DnsNames.ROUTE53_ORDER.compare(zone.name(), dnsName);
        return byName > 0 || (byName == 0 && zone.id().compareTo(zoneId) >= 0);
    }

    private static String required(Element root, String element, String member) {
        return XmlElements.childText(root, element).filter(text -> !text.isEmpty())
                .orElseThrow(() -> RejectedAwsRequest.invalidInput("1 validation error detected: Value null at '"
                        + member + "' failed to satisfy constraint: Member must not be null"));
    }
}
