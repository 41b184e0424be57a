package dev.provisioning.cloudsim.aws.route53;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlElements;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.DnsChange;
import dev.provisioning.cloudsim.state.DnsNames;
import dev.provisioning.cloudsim.state.HostedZoneStore;
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

    private final HostedZoneStore store;

    RecordSetsHandler(HostedZoneStore store) {
        this.store = store;
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
            changes.add(change);
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
                        XmlElements.childText(a, "HostedZoneId").orElse(""),
                        DnsNames.canonical(XmlElements.childText(a, "DNSName").orElse("")),
                        XmlElements.childText(a, "EvaluateTargetHealth").map(Boolean::parseBoolean).orElse(false)))
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
        return new RecordChange(action, record);
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

    private static boolean isIpv4(String value) {
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

    private static boolean isIpv6(String value) {
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
