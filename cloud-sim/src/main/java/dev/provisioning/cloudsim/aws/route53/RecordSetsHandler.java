package dev.provisioning.cloudsim.aws.route53;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlElements;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.DnsChange;
import dev.provisioning.cloudsim.state.DnsNames;
import dev.provisioning.contracts.aws.ElbHostedZones;
import dev.provisioning.cloudsim.state.HealthCheckStore;
import dev.provisioning.cloudsim.state.HostedZoneStore;
import dev.provisioning.cloudsim.state.RoutingPolicies;
import dev.provisioning.cloudsim.state.RecordChange;
import dev.provisioning.cloudsim.state.ResourceRecordSet;
import dev.provisioning.cloudsim.state.StoreRejection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/** ChangeResourceRecordSets and ListResourceRecordSets. */
final class RecordSetsHandler {

    private static final int MAX_RECORDS_PER_PAGE = 300;
    private static final Set<String> RECORD_TYPES =
            Set.of("SOA", "A", "TXT", "NS", "CNAME", "MX", "NAPTR", "PTR", "SRV", "SPF", "AAAA", "CAA", "DS");

    private static final Set<String> CONTINENTS = Set.of("AF", "AN", "AS", "EU", "NA", "OC", "SA");

    private final HostedZoneStore store;
    private final HealthCheckStore healthChecks;

    RecordSetsHandler(HostedZoneStore store, HealthCheckStore healthChecks) {
        this.store = store;
        this.healthChecks = healthChecks;
    }

    SimResponse change(String zoneId, SimRequest request) {
        Element root = Route53Api.requestDocument(request, "ChangeResourceRecordSetsRequest");
        Element batch = XmlElements.child(root, "ChangeBatch").orElseThrow(() -> RejectedAwsRequest.invalidInput(
                "1 validation error detected: Value null at 'changeBatch' failed to satisfy constraint: "
                        + "Member must not be null"));
        String comment = XmlElements.childText(batch, "Comment").orElse(null);
        List<Element> changeElements = XmlElements.child(batch, "Changes")
                .map(changes -> XmlElements.children(changes, "Change")).orElse(List.of());
        if (changeElements.isEmpty()) {
            throw RejectedAwsRequest.invalidInput("1 validation error detected: Value '[]' at 'changeBatch.changes' "
                    + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        List<RecordChange> changes = new ArrayList<>();
        List<String> valueProblems = new ArrayList<>();
        for (Element element : changeElements) {
            RecordChange change = parseChange(element);
            valueProblems.addAll(valueProblems(change.recordSet()));
            String healthCheckId = change.recordSet().healthCheckId();
            if (change.action() != RecordChange.Action.DELETE && healthCheckId != null
                    && healthChecks.find(healthCheckId).isEmpty()) {
                throw new RejectedAwsRequest(404, "NoSuchHealthCheck",
                        "No health check exists with the specified ID " + healthCheckId);
            }
            changes.add(change);
        }
        List<ResourceRecordSet> existing = store.records(zoneId);
        for (RecordChange change : changes) {
            valueProblems.addAll(aliasProblems(change.recordSet(), change.action(), zoneId, existing, changes));
        }
        if (!valueProblems.isEmpty()) {
            throw new StoreRejection(StoreRejection.Reason.INVALID_CHANGE_BATCH, valueProblems);
        }
        DnsChange submitted = store.apply(zoneId, changes, comment, Instant.now());
        XmlWriter xml = new XmlWriter().root("ChangeResourceRecordSetsResponse", Route53Xml.NAMESPACE);
        Route53Xml.changeInfo(xml, submitted);
        return SimResponse.xml(200, xml.end().toString());
    }

    /** Lists from the first record set at or after {@code name}/{@code type}/{@code identifier}. */
    SimResponse list(String zoneId, SimRequest request) {
        List<ResourceRecordSet> records = store.records(zoneId);
        int maxItems = Route53Xml.maxItems(request.queryParam("maxitems").orElse(null), MAX_RECORDS_PER_PAGE,
                MAX_RECORDS_PER_PAGE);
        Optional<String> name = request.queryParam("name").filter(n -> !n.isBlank()).map(DnsNames::canonical);
        Optional<String> type = request.queryParam("type").filter(t -> !t.isBlank())
                .map(t -> t.toUpperCase(Locale.ROOT));
        Optional<String> identifier = request.queryParam("identifier");
        if (type.isPresent() && name.isEmpty()) {
            throw RejectedAwsRequest.invalidInput("The input is not valid: you must specify name when you specify type.");
        }
        List<ResourceRecordSet> page = records;
        if (name.isPresent()) {
            ResourceRecordSet start = new ResourceRecordSet(name.get(), type.orElse(""), null, List.of(),
                    identifier.orElse(null), null, null, null, null, null, null, null);
            page = records.stream().filter(r -> HostedZoneStore.LISTING_ORDER.compare(r, start) >= 0).toList();
        }
        boolean truncated = page.size() > maxItems;
        XmlWriter xml = new XmlWriter().root("ListResourceRecordSetsResponse", Route53Xml.NAMESPACE)
                .start("ResourceRecordSets");
        page.stream().limit(maxItems).forEach(record -> Route53Xml.recordSet(xml, record));
        xml.end().element("IsTruncated", truncated);
        if (truncated) {
            ResourceRecordSet next = page.get(maxItems);
            xml.element("NextRecordName", next.name())
                    .element("NextRecordType", next.type())
                    .optional("NextRecordIdentifier", next.setIdentifier());
        }
        xml.element("MaxItems", maxItems);
        return SimResponse.xml(200, xml.end().toString());
    }

    private static RecordChange parseChange(Element change) {
        String actionText = XmlElements.childText(change, "Action").orElse("");
        RecordChange.Action action;
        try {
            action = RecordChange.Action.valueOf(actionText);
        } catch (IllegalArgumentException e) {
            throw RejectedAwsRequest.invalidInput("1 validation error detected: Value '" + actionText
                    + "' at 'changeBatch.changes.member.action' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [CREATE, DELETE, UPSERT]");
        }
        Element set = XmlElements.child(change, "ResourceRecordSet").orElseThrow(() -> RejectedAwsRequest.invalidInput(
                "1 validation error detected: Value null at 'changeBatch.changes.member.resourceRecordSet' "
                        + "failed to satisfy constraint: Member must not be null"));
        String name = XmlElements.childText(set, "Name").filter(n -> !n.isEmpty())
                .orElseThrow(() -> RejectedAwsRequest.invalidInput("Invalid request: Missing field 'Name'"));
        String type = XmlElements.childText(set, "Type").orElse("");
        if (!RECORD_TYPES.contains(type)) {
            throw RejectedAwsRequest.invalidInput("1 validation error detected: Value '" + type
                    + "' at 'changeBatch.changes.member.resourceRecordSet.type' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: " + RECORD_TYPES);
        }
        String canonicalName = DnsNames.canonical(name);
        String setIdentifier = XmlElements.childText(set, "SetIdentifier").orElse(null);
        Optional<String> ttl = XmlElements.childText(set, "TTL");
        List<String> values = XmlElements.child(set, "ResourceRecords")
                .map(records -> XmlElements.children(records, "ResourceRecord").stream()
                        .map(record -> XmlElements.childText(record, "Value").orElse(""))
                        .toList())
                .orElse(List.of());
        Optional<Element> alias = XmlElements.child(set, "AliasTarget");
        boolean plain = ttl.isPresent() && !values.isEmpty();
        if (alias.isPresent() == plain || (alias.isPresent() && (ttl.isPresent() || !values.isEmpty()))) {
            throw RejectedAwsRequest.invalidInput("Invalid request: Expected exactly one of [AliasTarget, all of "
                    + "[TTL, and ResourceRecords]], but found " + (alias.isPresent() ? "more than one" : "none")
                    + " in Change with [Action=" + action + ", Name=" + canonicalName + ", Type=" + type
                    + ", SetIdentifier=" + setIdentifier + "]");
        }
        ResourceRecordSet.GeoLocation geo = XmlElements.child(set, "GeoLocation")
                .map(g -> new ResourceRecordSet.GeoLocation(
                        XmlElements.childText(g, "ContinentCode").orElse(null),
                        XmlElements.childText(g, "CountryCode").orElse(null),
                        XmlElements.childText(g, "SubdivisionCode").orElse(null)))
                .orElse(null);
        ResourceRecordSet.AliasTarget aliasTarget = alias
                .map(a -> new ResourceRecordSet.AliasTarget(
                        Route53Xml.bareId(aliasField(a, "HostedZoneId"), "hostedzone"),
                        DnsNames.canonical(aliasField(a, "DNSName")),
                        Boolean.parseBoolean(aliasField(a, "EvaluateTargetHealth"))))
                .orElse(null);
        ResourceRecordSet record = new ResourceRecordSet(
                canonicalName,
                type,
                ttl.map(t -> parseLong(t, "TTL")).orElse(null),
                values,
                setIdentifier,
                XmlElements.childText(set, "Weight").map(w -> parseLong(w, "Weight")).orElse(null),
                XmlElements.childText(set, "Region").orElse(null),
                geo,
                XmlElements.childText(set, "Failover").orElse(null),
                XmlElements.childText(set, "MultiValueAnswer").map(Boolean::parseBoolean).orElse(null),
                aliasTarget,
                XmlElements.childText(set, "HealthCheckId").orElse(null));
        checkRouting(record, action);
        return new RecordChange(action, record);
    }

    private static String aliasField(Element alias, String member) {
        return XmlElements.childText(alias, member).filter(v -> !v.isBlank()).orElseThrow(() ->
                RejectedAwsRequest.invalidInput("Invalid request: Missing field '" + member + "' in AliasTarget"));
    }

    /**
     * Alias targets Route53 refuses within a valid batch: a load balancer name with another region's load balancer
     * zone id, an alias to a name of this zone that neither exists nor is created in the batch.
     */
    private static List<String> aliasProblems(ResourceRecordSet record, RecordChange.Action action, String zoneId,
                                              List<ResourceRecordSet> existing, List<RecordChange> batch) {
        ResourceRecordSet.AliasTarget alias = record.aliasTarget();
        if (alias == null || action == RecordChange.Action.DELETE) {
            return List.of();
        }
        String target = "Tried to create an alias that targets " + alias.dnsName() + ", type " + record.type()
                + " in zone " + alias.hostedZoneId();
        Optional<String> elbRegion = ElbHostedZones.regionOfDnsName(alias.dnsName());
        if (elbRegion.isPresent() || ElbHostedZones.isElbZone(alias.hostedZoneId())) {
            if (elbRegion.isEmpty() || !ElbHostedZones.orFallback(elbRegion.get()).equals(alias.hostedZoneId())) {
                return List.of(target + ", but the alias target name does not lie within the target zone");
            }
            return List.of();
        }
        if (alias.hostedZoneId().equals(zoneId)) {
            boolean found = existing.stream().anyMatch(r -> r.name().equals(alias.dnsName())
                    && r.type().equals(record.type())) || batch.stream().anyMatch(c ->
                    c.action() != RecordChange.Action.DELETE && c.recordSet().name().equals(alias.dnsName())
                            && c.recordSet().type().equals(record.type()));
            if (!found) {
                return List.of(target + ", but that target was not found");
            }
        }
        return List.of();
    }

    /** Route53's per-record rules: at most one routing policy, then always with a SetIdentifier, valid codes. */
    private static void checkRouting(ResourceRecordSet record, RecordChange.Action action) {
        String where = " in Change with [Action=" + action + ", Name=" + record.name() + ", Type=" + record.type()
                + ", SetIdentifier=" + record.setIdentifier() + "]";
        List<RoutingPolicies.Policy> policies = RoutingPolicies.declared(record);
        if (policies.size() > 1) {
            throw RejectedAwsRequest.invalidInput("Invalid request: Expected exactly one of [Weight, Region, Failover, "
                    + "GeoLocation, MultiValueAnswer], but found more than one" + where);
        }
        if (!policies.isEmpty() && record.setIdentifier() == null) {
            throw RejectedAwsRequest.invalidInput("Invalid request: Missing field 'SetIdentifier'" + where);
        }
        if (policies.isEmpty() && record.setIdentifier() != null) {
            throw RejectedAwsRequest.invalidInput("Invalid request: Expected exactly one of [Weight, Region, Failover, "
                    + "GeoLocation, MultiValueAnswer], but found none" + where);
        }
        if (record.setIdentifier() != null && (record.setIdentifier().isEmpty()
                || record.setIdentifier().length() > 128)) {
            throw RejectedAwsRequest.invalidInput("Invalid request: SetIdentifier must be 1 to 128 characters" + where);
        }
        if (record.weight() != null && record.weight() > 255) {
            throw RejectedAwsRequest.invalidInput("Invalid request: Weight must be between 0 and 255" + where);
        }
        if (record.failover() != null && !record.failover().equals("PRIMARY")
                && !record.failover().equals("SECONDARY")) {
            throw RejectedAwsRequest.invalidInput("1 validation error detected: Value '" + record.failover()
                    + "' at 'changeBatch.changes.member.resourceRecordSet.failover' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [PRIMARY, SECONDARY]");
        }
        ResourceRecordSet.GeoLocation geo = record.geoLocation();
        if (geo != null) {
            if (geo.continentCode() != null && (geo.countryCode() != null || geo.subdivisionCode() != null)) {
                throw RejectedAwsRequest.invalidInput("Invalid request: a GeoLocation names either a ContinentCode "
                        + "or a CountryCode, not both" + where);
            }
            if (geo.continentCode() == null && geo.countryCode() == null) {
                throw RejectedAwsRequest.invalidInput("Invalid request: a GeoLocation needs a ContinentCode or a "
                        + "CountryCode ('*' for the default location)" + where);
            }
            if (geo.continentCode() != null && !CONTINENTS.contains(geo.continentCode())) {
                throw RejectedAwsRequest.invalidInput("Invalid request: ContinentCode '" + geo.continentCode()
                        + "' is not one of " + new java.util.TreeSet<>(CONTINENTS) + where);
            }
            if (geo.countryCode() != null && !geo.countryCode().equals("*")
                    && !geo.countryCode().matches("[A-Z]{2}")) {
                throw RejectedAwsRequest.invalidInput("Invalid request: CountryCode '" + geo.countryCode()
                        + "' is not a two-letter ISO 3166 code or '*'" + where);
            }
            if (geo.subdivisionCode() != null && !"US".equals(geo.countryCode())
                    && !"UA".equals(geo.countryCode())) {
                throw RejectedAwsRequest.invalidInput("Invalid request: SubdivisionCode is only allowed with "
                        + "CountryCode US or UA" + where);
            }
        }
    }

    /** Record values Route53 rejects as part of the batch validation. */
    private static List<String> valueProblems(ResourceRecordSet record) {
        List<String> problems = new ArrayList<>();
        for (String value : record.values()) {
            if (record.type().equals("A") && !isIpv4(value)) {
                problems.add("Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a "
                        + "valid IPv4 address) encountered with '" + value + "''");
            } else if (record.type().equals("AAAA") && !isIpv6(value)) {
                problems.add("Invalid Resource Record: 'FATAL problem: AAAARRDATAIllegalIPv6Address (Value is not "
                        + "a valid IPv6 address) encountered with '" + value + "''");
            }
        }
        if (record.type().equals("CNAME") && record.values().size() > 1) {
            problems.add("Invalid Resource Record: 'FATAL problem: RRSet of type CNAME with DNS name "
                    + record.name() + " contains more than one value'");
        }
        return problems;
    }

    static boolean isIpv4(String value) {
        String[] octets = value.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String value) {
        // Only hex digits, colons and dots reach the parser, so it never falls back to a name lookup.
        if (!value.contains(":") || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        try {
            return InetAddress.getByName(value).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static long parseLong(String text, String member) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw RejectedAwsRequest.invalidInput("Invalid request: " + member + " must be a non-negative integer: "
                    + text);
        }
    }
}
