package dev.provisioning.cloudsim.aws.route53;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlElements;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.HealthCheck;
import dev.provisioning.cloudsim.state.HealthCheckConfig;
import dev.provisioning.cloudsim.state.HealthCheckStore;
import dev.provisioning.cloudsim.state.HostedZoneStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/** Health check operations: create, get, list, update, delete, status and count. */
final class HealthChecksHandler {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;
    private static final Set<String> TYPES = Set.of("HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP",
            "CALCULATED", "CLOUDWATCH_METRIC", "RECOVERY_CONTROL");
    private static final Set<String> ENDPOINT_TYPES = Set.of("HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH",
            "TCP");

    private final HealthCheckStore checks;
    private final HostedZoneStore zones;

    HealthChecksHandler(HealthCheckStore checks, HostedZoneStore zones) {
        this.checks = checks;
        this.zones = zones;
    }

    /** 201 with a {@code Location} for a new check; the same 201 body again for a repeated identical request. */
    SimResponse create(SimRequest request) {
        Element root = Route53Api.requestDocument(request, "CreateHealthCheckRequest");
        String callerReference = XmlElements.childText(root, "CallerReference").filter(r -> !r.isEmpty())
                .orElseThrow(() -> RejectedAwsRequest.invalidInput("1 validation error detected: Value null at "
                        + "'callerReference' failed to satisfy constraint: Member must not be null"));
        if (callerReference.length() > 64) {
            throw RejectedAwsRequest.invalidInput("1 validation error detected: Value '" + callerReference
                    + "' at 'callerReference' failed to satisfy constraint: Member must have length less than or "
                    + "equal to 64");
        }
        Element configElement = XmlElements.child(root, "HealthCheckConfig").orElseThrow(() ->
                RejectedAwsRequest.invalidInput("1 validation error detected: Value null at 'healthCheckConfig' "
                        + "failed to satisfy constraint: Member must not be null"));
        HealthCheckConfig config = parseConfig(configElement);
        HealthCheckStore.Creation creation = checks.create(callerReference, config, Instant.now());
        XmlWriter xml = new XmlWriter().root("CreateHealthCheckResponse", Route53Xml.NAMESPACE);
        Route53Xml.healthCheck(xml, creation.check());
        return SimResponse.xml(201, xml.end().toString())
                .header("Location", request.baseUrl() + "/2013-04-01/healthcheck/" + creation.check().id());
    }

    SimResponse get(String id) {
        XmlWriter xml = new XmlWriter().root("GetHealthCheckResponse", Route53Xml.NAMESPACE);
        Route53Xml.healthCheck(xml, checks.get(id));
        return SimResponse.xml(200, xml.end().toString());
    }

    /** ListHealthChecks in creation order; {@code marker} is the id of the first check of the page. */
    SimResponse list(SimRequest request) {
        int maxItems = Route53Xml.maxItems(request.queryParam("maxitems").orElse(null), DEFAULT_PAGE, MAX_PAGE);
        Optional<String> marker = request.queryParam("marker").filter(m -> !m.isBlank());
        List<HealthCheck> all = checks.list();
        int start = 0;
        if (marker.isPresent()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(marker.get())) {
                    start = i;
                }
            }
            if (start < 0) {
                throw RejectedAwsRequest.invalidInput("The specified marker is not valid: " + marker.get());
            }
        }
        List<HealthCheck> rest = all.subList(start, all.size());
        boolean truncated = rest.size() > maxItems;
        XmlWriter xml = new XmlWriter().root("ListHealthChecksResponse", Route53Xml.NAMESPACE).start("HealthChecks");
        rest.stream().limit(maxItems).forEach(check -> Route53Xml.healthCheck(xml, check));
        xml.end().element("Marker", marker.orElse("")).element("IsTruncated", truncated);
        if (truncated) {
            xml.element("NextMarker", rest.get(maxItems).id());
        }
        xml.element("MaxItems", maxItems);
        return SimResponse.xml(200, xml.end().toString());
    }

    /** UpdateHealthCheck: every element given replaces the setting; Type and RequestInterval cannot change. */
    SimResponse update(String id, SimRequest request) {
        Element root = Route53Api.requestDocument(request, "UpdateHealthCheckRequest");
        Long version = XmlElements.childText(root, "HealthCheckVersion").map(v -> parseLong(v, "HealthCheckVersion"))
                .orElse(null);
        Set<String> resets = XmlElements.child(root, "ResetElements")
                .map(r -> Set.copyOf(XmlElements.children(r, "ResettableElementName").stream()
                        .map(e -> e.getTextContent().trim()).toList()))
                .orElse(Set.of());
        HealthCheck updated = checks.update(id, version, current -> {
            HealthCheckConfig next = new HealthCheckConfig(
                    current.type(),
                    text(root, "IPAddress").orElse(current.ipAddress()),
                    text(root, "Port").map(p -> port(p)).orElse(current.port()),
                    resets.contains("ResourcePath") ? null : text(root, "ResourcePath").orElse(current.resourcePath()),
                    resets.contains("FullyQualifiedDomainName") ? null
                            : text(root, "FullyQualifiedDomainName").orElse(current.fullyQualifiedDomainName()),
                    text(root, "SearchString").orElse(current.searchString()),
                    current.requestInterval(),
                    text(root, "FailureThreshold").map(HealthChecksHandler::failureThreshold)
                            .orElse(current.failureThreshold()),
                    current.measureLatency(),
                    text(root, "Inverted").map(Boolean::parseBoolean).orElse(current.inverted()),
                    text(root, "Disabled").map(Boolean::parseBoolean).orElse(current.disabled()),
                    text(root, "EnableSNI").map(Boolean::parseBoolean).orElse(current.enableSni()),
                    resets.contains("Regions") ? List.of() : regions(root).orElse(current.regions()));
            requireEndpoint(next);
            return next;
        });
        XmlWriter xml = new XmlWriter().root("UpdateHealthCheckResponse", Route53Xml.NAMESPACE);
        Route53Xml.healthCheck(xml, updated);
        return SimResponse.xml(200, xml.end().toString());
    }

    /** Refused while a record set still names the check, as Route53 does. */
    SimResponse delete(String id) {
        checks.get(id);
        if (zones.referencesHealthCheck(id)) {
            throw new RejectedAwsRequest(400, "HealthCheckInUse", "The health check with ID " + id
                    + " is still referenced from one or more resource record sets.");
        }
        checks.delete(id);
        return SimResponse.xml(200, new XmlWriter().root("DeleteHealthCheckResponse", Route53Xml.NAMESPACE).end()
                .toString());
    }

    SimResponse status(String id) {
        XmlWriter xml = new XmlWriter().root("GetHealthCheckStatusResponse", Route53Xml.NAMESPACE)
                .start("HealthCheckObservations");
        for (HealthCheckStore.Observation observation : checks.observations(id, Instant.now())) {
            xml.start("HealthCheckObservation")
                    .element("Region", observation.region())
                    .element("IPAddress", observation.ipAddress())
                    .start("StatusReport")
                    .element("Status", observation.status())
                    .element("CheckedTime", Route53Xml.timestamp(observation.checkedTime()))
                    .end()
                    .end();
        }
        return SimResponse.xml(200, xml.end().end().toString());
    }

    SimResponse count() {
        return SimResponse.xml(200, new XmlWriter().root("GetHealthCheckCountResponse", Route53Xml.NAMESPACE)
                .element("HealthCheckCount", checks.list().size()).end().toString());
    }

    private static HealthCheckConfig parseConfig(Element config) {
        String type = text(config, "Type").orElse("");
        if (!TYPES.contains(type)) {
            throw RejectedAwsRequest.invalidInput("1 validation error detected: Value '" + type + "' at "
                    + "'healthCheckConfig.type' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH, TCP, CALCULATED, CLOUDWATCH_METRIC, "
                    + "RECOVERY_CONTROL]");
        }
        int interval = text(config, "RequestInterval").map(v -> (int) parseLong(v, "RequestInterval")).orElse(30);
        if (interval != 10 && interval != 30) {
            throw RejectedAwsRequest.invalidInput("Invalid parameter: RequestInterval must be 10 or 30 seconds, "
                    + "not " + interval);
        }
        boolean secure = type.startsWith("HTTPS");
        Integer port = text(config, "Port").map(HealthChecksHandler::port)
                .orElse(ENDPOINT_TYPES.contains(type) && !type.equals("TCP") ? (secure ? 443 : 80) : null);
        HealthCheckConfig parsed = new HealthCheckConfig(
                type,
                text(config, "IPAddress").orElse(null),
                port,
                text(config, "ResourcePath").orElse(null),
                text(config, "FullyQualifiedDomainName").orElse(null),
                text(config, "SearchString").orElse(null),
                interval,
                text(config, "FailureThreshold").map(HealthChecksHandler::failureThreshold).orElse(3),
                text(config, "MeasureLatency").map(Boolean::parseBoolean).orElse(false),
                text(config, "Inverted").map(Boolean::parseBoolean).orElse(false),
                text(config, "Disabled").map(Boolean::parseBoolean).orElse(false),
                text(config, "EnableSNI").map(Boolean::parseBoolean).orElse(secure ? Boolean.TRUE : null),
                regions(config).orElse(List.of()));
        requireEndpoint(parsed);
        return parsed;
    }

    private static void requireEndpoint(HealthCheckConfig config) {
        if (!ENDPOINT_TYPES.contains(config.type())) {
            return;
        }
        if (config.ipAddress() == null && config.fullyQualifiedDomainName() == null) {
            throw RejectedAwsRequest.invalidInput("Invalid parameter: a health check of type " + config.type()
                    + " needs an IPAddress or a FullyQualifiedDomainName");
        }
        if (config.type().equals("TCP") && config.port() == null) {
            throw RejectedAwsRequest.invalidInput("Invalid parameter: a TCP health check needs a Port");
        }
        if (config.type().endsWith("_STR_MATCH") && (config.searchString() == null
                || config.searchString().isEmpty())) {
            throw RejectedAwsRequest.invalidInput("Invalid parameter: a health check of type " + config.type()
                    + " needs a SearchString");
        }
        if (config.resourcePath() != null && config.resourcePath().length() > 255) {
            throw RejectedAwsRequest.invalidInput("Invalid parameter: ResourcePath is longer than 255 characters");
        }
        if (config.ipAddress() != null && !RecordSetsHandler.isIpv4(config.ipAddress())
                && !RecordSetsHandler.isIpv6(config.ipAddress())) {
            throw RejectedAwsRequest.invalidInput("Invalid parameter: IPAddress '" + config.ipAddress()
                    + "' is not an IPv4 or IPv6 address");
        }
    }

    private static Optional<List<String>> regions(Element parent) {
        return XmlElements.child(parent, "Regions").map(r -> XmlElements.children(r, "Region").stream()
                .map(e -> e.getTextContent().trim()).toList());
    }

    private static Optional<String> text(Element parent, String name) {
        return XmlElements.childText(parent, name).filter(t -> !t.isEmpty());
    }

    private static int port(String text) {
        long port = parseLong(text, "Port");
        if (port < 1 || port > 65_535) {
            throw RejectedAwsRequest.invalidInput("1 validation error detected: Value '" + text + "' at "
                    + "'healthCheckConfig.port' failed to satisfy constraint: Member must have value between 1 and "
                    + "65535");
        }
        return (int) port;
    }

    private static int failureThreshold(String text) {
        long threshold = parseLong(text, "FailureThreshold");
        if (threshold < 1 || threshold > 10) {
            throw RejectedAwsRequest.invalidInput("1 validation error detected: Value '" + text + "' at "
                    + "'healthCheckConfig.failureThreshold' failed to satisfy constraint: Member must have value "
                    + "between 1 and 10");
        }
        return (int) threshold;
    }

    private static long parseLong(String text, String member) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw RejectedAwsRequest.invalidInput("Invalid request: " + member + " must be an integer: " + text);
        }
    }
}
