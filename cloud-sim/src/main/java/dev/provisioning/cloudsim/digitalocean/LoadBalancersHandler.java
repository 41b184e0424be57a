package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DigitalOceanCertificateStore;
import dev.provisioning.cloudsim.state.DigitalOceanLoadBalancer;
import dev.provisioning.cloudsim.state.DigitalOceanLoadBalancer.ForwardingRule;
import dev.provisioning.cloudsim.state.DigitalOceanLoadBalancer.HealthCheck;
import dev.provisioning.cloudsim.state.DigitalOceanLoadBalancerStore;
import dev.provisioning.cloudsim.state.DigitalOceanVpc;
import dev.provisioning.cloudsim.state.Droplet;
import dev.provisioning.cloudsim.state.DropletStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /v2/load_balancers}: create (status {@code new}, {@code active} with an IP after the configured delay),
 * list, get, update, delete, and add or remove droplets and forwarding rules, with DigitalOcean's validation.
 */
final class LoadBalancersHandler {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9.-]{1,255}");
    private static final Set<String> ENTRY_PROTOCOLS = Set.of("http", "https", "http2", "http3", "tcp", "udp");
    private static final Set<String> TARGET_PROTOCOLS = Set.of("http", "https", "http2", "tcp", "udp");
    private static final Set<String> TLS_ENTRY_PROTOCOLS = Set.of("https", "http2", "http3");
    private static final Set<String> HEALTH_CHECK_PROTOCOLS = Set.of("http", "https", "tcp");
    private static final Set<String> STICKY_SESSION_TYPES = Set.of("none", "cookies");
    /** The node counts the retired size slugs stood for. */
    private static final Map<String, Integer> LEGACY_SIZES = Map.of("lb-small", 1, "lb-medium", 3, "lb-large", 6);
    private static final int MAX_SIZE_UNIT = 100;

    private final DigitalOceanLoadBalancerStore store;
    private final DropletStore droplets;
    private final DigitalOceanCertificateStore certificates;
    private final VpcDirectory vpcs;
    private final DigitalOceanCatalog catalog;
    private final DigitalOceanJson json;

    LoadBalancersHandler(DigitalOceanLoadBalancerStore store, DropletStore droplets,
            DigitalOceanCertificateStore certificates, VpcDirectory vpcs, DigitalOceanCatalog catalog,
            DigitalOceanJson json) {
        this.store = store;
        this.droplets = droplets;
        this.certificates = certificates;
        this.vpcs = vpcs;
        this.catalog = catalog;
        this.json = json;
    }

    /** Handles a request whose path continues after {@code /v2/load_balancers} with {@code rest}. */
    SimResponse handle(SimRequest request, List<String> rest) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "POST" -> create(request);
                case "GET" -> list(request);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        String id = rest.get(0);
        if (rest.size() == 1) {
            return switch (method) {
                case "GET" -> single(existing(id), 200);
                case "PUT" -> update(request, existing(id));
                case "DELETE" -> {
                    if (!store.delete(id)) {
                        throw RejectedDigitalOceanRequest.notFound();
                    }
                    yield SimResponse.empty(204);
                }
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.size() == 2 && rest.get(1).equals("droplets")) {
            return switch (method) {
                case "POST" -> changeDroplets(request, existing(id), true);
                case "DELETE" -> changeDroplets(request, existing(id), false);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.size() == 2 && rest.get(1).equals("forwarding_rules")) {
            return switch (method) {
                case "POST" -> changeForwardingRules(request, existing(id), true);
                case "DELETE" -> changeForwardingRules(request, existing(id), false);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        throw RejectedDigitalOceanRequest.notFound();
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = RequestBodies.object(request);
        DigitalOceanCatalog.Region region = region(body);
        DigitalOceanVpc vpc = vpcs.resolve(RequestBodies.text(body, "vpc_uuid"), region, "load balancer");
        DigitalOceanLoadBalancer draft = draft(body, region, vpc.id(), sizeUnit(body, 1), sizeSlug(body, null),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return single(store.create(draft), 202);
    }

    /** PUT replaces the whole definition; size and VPC stay as they are when the body leaves them out. */
    private SimResponse update(SimRequest request, DigitalOceanLoadBalancer current) {
        JsonNode body = RequestBodies.object(request);
        DigitalOceanCatalog.Region region = region(body);
        if (!region.slug().equals(current.region())) {
            throw RejectedDigitalOceanRequest.unprocessable("The region of a load balancer cannot be changed.");
        }
        Optional<String> vpcUuid = RequestBodies.text(body, "vpc_uuid");
        if (vpcUuid.isPresent() && !vpcUuid.get().equals(current.vpcUuid())) {
            throw RejectedDigitalOceanRequest.unprocessable("The VPC of a load balancer cannot be changed.");
        }
        DigitalOceanLoadBalancer replacement = draft(body, region, current.vpcUuid(),
                sizeUnit(body, current.sizeUnit()), sizeSlug(body, current.sizeSlug()), current.createdAt());
        DigitalOceanLoadBalancer updated = store.update(current.id(), lb -> new DigitalOceanLoadBalancer(lb.id(),
                replacement.name(), lb.region(), replacement.sizeUnit(), replacement.sizeSlug(), lb.status(), lb.ip(),
                replacement.forwardingRules(), replacement.healthCheck(), replacement.stickySessionsType(),
                replacement.redirectHttpToHttps(), replacement.dropletIds(), replacement.tag(), lb.vpcUuid(),
                lb.createdAt())).orElseThrow(RejectedDigitalOceanRequest::notFound);
        return single(updated, 200);
    }

    private SimResponse list(SimRequest request) {
        List<DigitalOceanLoadBalancer> all = store.list();
        DigitalOceanPages pages = DigitalOceanPages.of(request);
        ObjectNode body = SimJson.object();
        body.set("load_balancers", DigitalOceanJson.array(pages.slice(all).stream().map(this::render).toList()));
        return SimResponse.json(200, pages.decorate(body, all.size()));
    }

    private SimResponse changeDroplets(SimRequest request, DigitalOceanLoadBalancer current, boolean add) {
        JsonNode body = RequestBodies.object(request);
        if (current.tag() != null) {
            throw RejectedDigitalOceanRequest.unprocessable(
                    "This load balancer selects its Droplets by tag; droplet_ids cannot be changed.");
        }
        List<Integer> ids = dropletIds(body, catalog.region(current.region()).orElseThrow());
        if (ids.isEmpty()) {
            throw RejectedDigitalOceanRequest.unprocessable("droplet_ids must list at least one Droplet id.");
        }
        store.update(current.id(), lb -> {
            LinkedHashSet<Integer> targets = new LinkedHashSet<>(lb.dropletIds());
            if (add) {
                targets.addAll(ids);
            } else {
                ids.forEach(targets::remove);
            }
            return lb.withDropletIds(List.copyOf(targets));
        });
        return SimResponse.empty(204);
    }

    private SimResponse changeForwardingRules(SimRequest request, DigitalOceanLoadBalancer current, boolean add) {
        List<ForwardingRule> rules = forwardingRules(RequestBodies.object(request));
        List<ForwardingRule> result = new ArrayList<>(current.forwardingRules());
        if (add) {
            result.addAll(rules);
            requireDistinctEntryPorts(result);
        } else {
            result.removeIf(existing -> rules.stream().anyMatch(r -> r.entryPort() == existing.entryPort()
                    && r.entryProtocol().equals(existing.entryProtocol())));
            if (result.isEmpty()) {
                throw RejectedDigitalOceanRequest.unprocessable("A load balancer needs at least one forwarding rule.");
            }
        }
        store.update(current.id(), lb -> lb.withForwardingRules(result));
        return SimResponse.empty(204);
    }

    private DigitalOceanLoadBalancer draft(JsonNode body, DigitalOceanCatalog.Region region, String vpcUuid,
            int sizeUnit, String sizeSlug, Instant createdAt) {
        String name = RequestBodies.text(body, "name").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "name is required to create a load balancer."));
        if (!NAME.matcher(name).matches()) {
            throw RejectedDigitalOceanRequest.unprocessable(
                    "Load balancer names may only contain alphanumeric characters, dashes, and periods.");
        }
        List<ForwardingRule> rules = forwardingRules(body);
        requireDistinctEntryPorts(rules);
        Optional<String> tag = RequestBodies.text(body, "tag");
        List<Integer> ids = dropletIds(body, region);
        if (tag.isPresent() && !ids.isEmpty()) {
            throw RejectedDigitalOceanRequest.unprocessable(
                    "droplet_ids and tag are mutually exclusive: select the Droplets by one of them.");
        }
        String sticky = RequestBodies.text(body.path("sticky_sessions"), "type").orElse("none");
        if (!STICKY_SESSION_TYPES.contains(sticky)) {
            throw RejectedDigitalOceanRequest.unprocessable("sticky_sessions.type must be one of none, cookies.");
        }
        return new DigitalOceanLoadBalancer("", name, region.slug(), sizeUnit, sizeSlug,
                DigitalOceanLoadBalancer.Status.NEW, null, rules, healthCheck(body.path("health_check")), sticky,
                body.path("redirect_http_to_https").asBoolean(false), ids, tag.orElse(null), vpcUuid, createdAt);
    }

    private DigitalOceanCatalog.Region region(JsonNode body) {
        String slug = RequestBodies.text(body, "region").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "region is required to create a load balancer."));
        return catalog.region(slug).filter(DigitalOceanCatalog.Region::available)
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "You specified an invalid region for load balancer creation."));
    }

    private static int sizeUnit(JsonNode body, int fallback) {
        Optional<Integer> unit = RequestBodies.integer(body, "size_unit");
        Optional<String> slug = RequestBodies.text(body, "size");
        if (unit.isPresent() && slug.isPresent()) {
            throw RejectedDigitalOceanRequest.unprocessable("size and size_unit are mutually exclusive.");
        }
        if (slug.isPresent()) {
            Integer units = LEGACY_SIZES.get(slug.get());
            if (units == null) {
                throw RejectedDigitalOceanRequest.unprocessable(
                        "size must be one of lb-small, lb-medium, lb-large; prefer size_unit.");
            }
            return units;
        }
        int value = unit.orElse(fallback);
        if (value < 1 || value > MAX_SIZE_UNIT) {
            throw RejectedDigitalOceanRequest.unprocessable("size_unit must be between 1 and " + MAX_SIZE_UNIT + ".");
        }
        return value;
    }

    private static String sizeSlug(JsonNode body, String fallback) {
        if (RequestBodies.integer(body, "size_unit").isPresent()) {
            return null;
        }
        return RequestBodies.text(body, "size").orElse(fallback);
    }

    private List<ForwardingRule> forwardingRules(JsonNode body) {
        JsonNode node = body.path("forwarding_rules");
        if (!node.isArray() || node.isEmpty()) {
            throw RejectedDigitalOceanRequest.unprocessable(
                    "forwarding_rules must list at least one forwarding rule.");
        }
        List<ForwardingRule> rules = new ArrayList<>();
        for (JsonNode item : node) {
            String entryProtocol = protocol(item, "entry_protocol", ENTRY_PROTOCOLS);
            String targetProtocol = protocol(item, "target_protocol", TARGET_PROTOCOLS);
            int entryPort = port(item, "entry_port");
            int targetPort = port(item, "target_port");
            Optional<String> certificateId = RequestBodies.text(item, "certificate_id");
            boolean passthrough = item.path("tls_passthrough").asBoolean(false);
            if (TLS_ENTRY_PROTOCOLS.contains(entryProtocol)) {
                if (passthrough && certificateId.isPresent()) {
                    throw RejectedDigitalOceanRequest.unprocessable(
                            "certificate_id and tls_passthrough are mutually exclusive.");
                }
                if (!passthrough && certificateId.isEmpty()) {
                    throw RejectedDigitalOceanRequest.unprocessable("A forwarding rule with entry_protocol "
                            + entryProtocol + " (entry_port " + entryPort
                            + ") requires a certificate_id, or tls_passthrough set to true.");
                }
            } else if (passthrough || certificateId.isPresent()) {
                throw RejectedDigitalOceanRequest.unprocessable("certificate_id and tls_passthrough apply only to "
                        + "entry_protocol https, http2 or http3, not " + entryProtocol + ".");
            }
            if (certificateId.isPresent() && certificates.find(certificateId.get()).isEmpty()) {
                throw RejectedDigitalOceanRequest.unprocessable(
                        "certificate_id " + certificateId.get() + " does not refer to a certificate in this account.");
            }
            rules.add(new ForwardingRule(entryProtocol, entryPort, targetProtocol, targetPort,
                    certificateId.orElse(null), passthrough));
        }
        return rules;
    }

    private static void requireDistinctEntryPorts(List<ForwardingRule> rules) {
        Set<Integer> ports = new HashSet<>();
        for (ForwardingRule rule : rules) {
            if (!ports.add(rule.entryPort())) {
                throw RejectedDigitalOceanRequest.unprocessable(
                        "Forwarding rules must use distinct entry ports; " + rule.entryPort() + " is used twice.");
            }
        }
    }

    private static HealthCheck healthCheck(JsonNode node) {
        String protocol = node.isObject() && node.has("protocol") ? protocol(node, "protocol", HEALTH_CHECK_PROTOCOLS)
                : "http";
        int port = node.has("port") ? port(node, "port") : 80;
        String path = protocol.equals("tcp") ? "" : RequestBodies.text(node, "path").orElse("/");
        return new HealthCheck(protocol, port, path,
                bounded(node, "check_interval_seconds", 10, 3, 300),
                bounded(node, "response_timeout_seconds", 5, 3, 300),
                bounded(node, "healthy_threshold", 5, 2, 10),
                bounded(node, "unhealthy_threshold", 3, 2, 10));
    }

    private List<Integer> dropletIds(JsonNode body, DigitalOceanCatalog.Region region) {
        JsonNode node = body.path("droplet_ids");
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw RejectedDigitalOceanRequest.unprocessable("droplet_ids must be a list of Droplet ids.");
        }
        LinkedHashSet<Integer> ids = new LinkedHashSet<>();
        for (JsonNode item : node) {
            int id;
            try {
                id = item.isNumber() ? item.asInt() : Integer.parseInt(item.asText().trim());
            } catch (NumberFormatException e) {
                throw RejectedDigitalOceanRequest.unprocessable("droplet_ids must be a list of Droplet ids.");
            }
            Droplet droplet = droplets.find(id).orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                    "Droplet " + id + " does not exist."));
            if (!droplet.region().equals(region.slug())) {
                throw RejectedDigitalOceanRequest.unprocessable("Droplet " + id + " is in " + droplet.region()
                        + "; a load balancer in " + region.slug() + " can only target Droplets of its own region.");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static String protocol(JsonNode node, String field, Set<String> allowed) {
        String value = RequestBodies.text(node, field).orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                field + " is required."));
        if (!allowed.contains(value)) {
            throw RejectedDigitalOceanRequest.unprocessable(field + " must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()) + "; was " + value + ".");
        }
        return value;
    }

    private static int port(JsonNode node, String field) {
        int port = RequestBodies.integer(node, field).orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                field + " is required."));
        if (port < 1 || port > 65_535) {
            throw RejectedDigitalOceanRequest.unprocessable(field + " must be between 1 and 65535.");
        }
        return port;
    }

    private static int bounded(JsonNode node, String field, int fallback, int min, int max) {
        int value = RequestBodies.integer(node, field).orElse(fallback);
        if (value < min || value > max) {
            throw RejectedDigitalOceanRequest.unprocessable(
                    "health_check." + field + " must be between " + min + " and " + max + ".");
        }
        return value;
    }

    private DigitalOceanLoadBalancer existing(String id) {
        return store.find(id).orElseThrow(RejectedDigitalOceanRequest::notFound);
    }

    private ObjectNode render(DigitalOceanLoadBalancer lb) {
        List<Integer> live = lb.dropletIds().stream().filter(id -> droplets.find(id).isPresent()).toList();
        return json.loadBalancer(lb, live);
    }

    private SimResponse single(DigitalOceanLoadBalancer lb, int status) {
        ObjectNode body = SimJson.object();
        body.set("load_balancer", render(lb));
        return SimResponse.json(status, body);
    }
}
