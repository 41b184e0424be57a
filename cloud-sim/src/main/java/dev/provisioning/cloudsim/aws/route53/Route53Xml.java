package dev.provisioning.cloudsim.aws.route53;

import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.DnsChange;
import dev.provisioning.cloudsim.state.HostedZone;
import dev.provisioning.cloudsim.state.ResourceRecordSet;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Writes Route53 response elements in the order of the 2013-04-01 API schema. */
final class Route53Xml {

    static final String NAMESPACE = "https://route53.amazonaws.com/doc/2013-04-01/";

    private Route53Xml() {
    }

    static void hostedZone(XmlWriter xml, HostedZone zone, int recordSetCount) {
        xml.start("HostedZone")
                .element("Id", "/hostedzone/" + zone.id())
                .element("Name", zone.name())
                .element("CallerReference", zone.callerReference())
                .start("Config")
                .optional("Comment", zone.comment())
                .element("PrivateZone", zone.privateZone())
                .end()
                .element("ResourceRecordSetCount", recordSetCount)
                .end();
    }

    static void changeInfo(XmlWriter xml, DnsChange change) {
        xml.start("ChangeInfo")
                .element("Id", "/change/" + change.id())
                .element("Status", change.status().name())
                .element("SubmittedAt", timestamp(change.submittedAt()))
                .optional("Comment", change.comment())
                .end();
    }

    static void delegationSet(XmlWriter xml, HostedZone zone) {
        xml.start("DelegationSet").start("NameServers");
        zone.nameServers().forEach(server -> xml.element("NameServer", server));
        xml.end().end();
    }

    static void vpc(XmlWriter xml, HostedZone.Vpc vpc) {
        xml.start("VPC").element("VPCRegion", vpc.region()).element("VPCId", vpc.id()).end();
    }

    static void recordSet(XmlWriter xml, ResourceRecordSet record) {
        xml.start("ResourceRecordSet")
                .element("Name", record.name())
                .element("Type", record.type())
                .optional("SetIdentifier", record.setIdentifier())
                .optional("Weight", record.weight())
                .optional("Region", record.region());
        ResourceRecordSet.GeoLocation geo = record.geoLocation();
        if (geo != null) {
            xml.start("GeoLocation")
                    .optional("ContinentCode", geo.continentCode())
                    .optional("CountryCode", geo.countryCode())
                    .optional("SubdivisionCode", geo.subdivisionCode())
                    .end();
        }
        xml.optional("Failover", record.failover())
                .optional("MultiValueAnswer", record.multiValueAnswer())
                .optional("TTL", record.ttl());
        if (!record.values().isEmpty()) {
            xml.start("ResourceRecords");
            record.values().forEach(value -> xml.start("ResourceRecord").element("Value", value).end());
            xml.end();
        }
        ResourceRecordSet.AliasTarget alias = record.aliasTarget();
        if (alias != null) {
            xml.start("AliasTarget")
                    .element("HostedZoneId", alias.hostedZoneId())
                    .element("DNSName", alias.dnsName())
                    .element("EvaluateTargetHealth", alias.evaluateTargetHealth())
                    .end();
        }
        xml.optional("HealthCheckId", record.healthCheckId()).end();
    }

    static void healthCheck(XmlWriter xml, dev.provisioning.cloudsim.state.HealthCheck check) {
        dev.provisioning.cloudsim.state.HealthCheckConfig config = check.config();
        xml.start("HealthCheck")
                .element("Id", check.id())
                .element("CallerReference", check.callerReference())
                .start("HealthCheckConfig")
                .optional("IPAddress", config.ipAddress())
                .optional("Port", config.port())
                .element("Type", config.type())
                .optional("ResourcePath", config.resourcePath())
                .optional("FullyQualifiedDomainName", config.fullyQualifiedDomainName())
                .optional("SearchString", config.searchString())
                .element("RequestInterval", config.requestInterval())
                .element("FailureThreshold", config.failureThreshold())
                .element("MeasureLatency", config.measureLatency())
                .element("Inverted", config.inverted())
                .element("Disabled", config.disabled())
                .optional("EnableSNI", config.enableSni());
        if (!config.regions().isEmpty()) {
            xml.start("Regions");
            config.regions().forEach(region -> xml.element("Region", region));
            xml.end();
        }
        xml.end().element("HealthCheckVersion", check.version()).end();
    }

    /** ISO-8601 with milliseconds, as Route53 writes {@code SubmittedAt}. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Zone id as found in a path or parameter: bare, or with the {@code /hostedzone/} prefix the API returns. */
    static String bareId(String id, String prefix) {
        String bare = id.startsWith("/") ? id.substring(1) : id;
        return bare.startsWith(prefix + "/") ? bare.substring(prefix.length() + 1) : bare;
    }

    static int maxItems(String raw, int fallback, int ceiling) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return Math.min(value, ceiling);
        } catch (NumberFormatException e) {
            throw dev.provisioning.cloudsim.aws.RejectedAwsRequest.invalidInput(
                    "1 validation error detected: Value '" + raw + "' at 'maxItems' failed to satisfy constraint: "
                            + "Member must be a positive integer");
        }
    }
}
