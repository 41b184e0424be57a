package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.HetznerLoadBalancer;
import dev.provisioning.cloudsim.state.HetznerStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/load_balancers}: create with targets and services, list, get, delete, add_target, add_service. */
final class LoadBalancersHandler {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "http", "https");
    private static final Set<String> ALGORITHMS = Set.of("round_robin", "least_connections");

    private final HetznerStore store;
    private final HetznerJson json;
    private final Clock clock;

    LoadBalancersHandler(HetznerStore store, HetznerJson json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    SimResponse handle(SimRequest request, List<String> rest) {
        if (rest.isEmpty()) {
            return switch (request.method()) {
                case "POST" -> create(request);
                case "GET" -> HetznerApi.listing(request, "load_balancers", store.loadBalancers().stream()
                        .filter(HetznerApi.<HetznerLoadBalancer>nameAndLabels(request, HetznerLoadBalancer::name,
                                HetznerLoadBalancer::labels))
                        .map(json::loadBalancer).toList());
                default -> throw HetznerApi.methodNotAllowed();
            };
        }
        long id = HetznerApi.parseId(rest.get(0));
        if (rest.size() == 1) {
            return switch (request.method()) {
                case "GET" -> SimResponse.json(200, SimJson.object().set("load_balancer", json.loadBalancer(
                        store.loadBalancer(id).orElseThrow(() -> RejectedHetznerRequest.notFound("load balancer")))));
                case "DELETE" -> {
                    if (!store.deleteLoadBalancer(id)) {
                        throw RejectedHetznerRequest.notFound("load balancer");
                    }
                    yield SimResponse.empty(204);
                }
                default -> throw HetznerApi.methodNotAllowed();
            };
        }
        if (rest.size() == 3 && rest.get(1).equals("actions")) {
            HetznerApi.requireMethod(request, "POST");
            RequestBody body = RequestBody.of(request);
            return switch (rest.get(2)) {
                case "add_target" -> ServersHandler.actionResponse(201,
                        store.addTarget(id, target(body.json()), clock.instant()));
                case "add_service" -> ServersHandler.actionResponse(201,
                        store.addService(id, service(body.json()), clock.instant()));
                default -> throw RejectedHetznerRequest.notFound("action");
            };
        }
        throw RejectedHetznerRequest.notFound("resource");
    }

    private SimResponse create(SimRequest request) {
        RequestBody body = RequestBody.of(request);
        String name = body.name();
        String typeName = body.requiredText("load_balancer_type");
        HetznerCatalog.LoadBalancerType type = HetznerCatalog.loadBalancerType(typeName).orElseThrow(
                () -> RejectedHetznerRequest.invalidInput("load_balancer_type", "load balancer type '" + typeName
                        + "' not found"));
        String locationName = body.text("location").orElse(null);
        if (locationName == null) {
            String zone = body.requiredText("network_zone");
            locationName = HetznerCatalog.LOCATIONS.stream().filter(l -> l.networkZone().equals(zone)).findFirst()
                    .orElseThrow(() -> RejectedHetznerRequest.invalidInput("network_zone", "network zone '" + zone
                            + "' not found")).name();
        }
        String wantedLocation = locationName;
        HetznerCatalog.Location location = HetznerCatalog.location(locationName).orElseThrow(
                () -> RejectedHetznerRequest.invalidInput("location", "location '" + wantedLocation + "' not found"));
        String algorithm = body.json().path("algorithm").path("type").asText("round_robin");
        if (!ALGORITHMS.contains(algorithm)) {
            throw RejectedHetznerRequest.invalidInput("algorithm", "algorithm '" + algorithm + "' is invalid");
        }
        List<HetznerLoadBalancer.Target> targets = new ArrayList<>();
        for (JsonNode target : body.json().path("targets")) {
            targets.add(target(target));
        }
        List<HetznerLoadBalancer.Service> services = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        for (JsonNode service : body.json().path("services")) {
            HetznerLoadBalancer.Service parsed = service(service);
            if (!ports.add(parsed.listenPort())) {
                throw RejectedHetznerRequest.invalidInput("services", "listen_port " + parsed.listenPort()
                        + " is used twice");
            }
            services.add(parsed);
        }
        if (services.size() > type.maxServices() || targets.size() > type.maxTargets()) {
            throw new RejectedHetznerRequest(422, "resource_limit_exceeded", type.name() + " allows at most "
                    + type.maxServices() + " services and " + type.maxTargets() + " targets", null);
        }
        Optional<Long> network = body.id("network");
        if (network.isPresent() && store.network(network.get()).isEmpty()) {
            throw RejectedHetznerRequest.invalidInput("network", "network " + network.get() + " not found");
        }
        HetznerStore.Creation<HetznerLoadBalancer> creation;
        try {
            creation = store.createLoadBalancer(name, type.name(), location.name(), body.labels(), algorithm, targets,
                    services, network.orElse(null), location.networkZone(), clock.instant());
        } catch (HetznerStore.Rejected rejected) {
            if (rejected.code().equals("uniqueness_error")) {
                throw RejectedHetznerRequest.uniqueness("name", rejected.getMessage());
            }
            throw rejected;
        }
        ObjectNode response = SimJson.object();
        response.set("load_balancer", json.loadBalancer(creation.resource()));
        response.set("action", HetznerJson.action(creation.action()));
        return SimResponse.json(201, response);
    }

    private HetznerLoadBalancer.Target target(JsonNode target) {
        String type = target.path("type").asText("");
        boolean usePrivateIp = target.path("use_private_ip").asBoolean(false);
        return switch (type) {
            case "server" -> {
                long server = target.path("server").path("id").asLong(0);
                if (store.server(server).isEmpty()) {
                    throw RejectedHetznerRequest.invalidInput("targets", "server " + server + " not found");
                }
                yield new HetznerLoadBalancer.Target("server", server, null, null, usePrivateIp);
            }
            case "label_selector" -> {
                String selector = target.path("label_selector").path("selector").asText("");
                LabelSelector.parse(selector);
                yield new HetznerLoadBalancer.Target("label_selector", null, selector, null, usePrivateIp);
            }
            case "ip" -> new HetznerLoadBalancer.Target("ip", null, null, target.path("ip").path("ip").asText(),
                    false);
            default -> throw RejectedHetznerRequest.invalidInput("type", "target type '" + type
                    + "' is invalid; use server, label_selector or ip");
        };
    }

    private static HetznerLoadBalancer.Service service(JsonNode service) {
        String protocol = service.path("protocol").asText("");
        if (!PROTOCOLS.contains(protocol)) {
            throw RejectedHetznerRequest.invalidInput("protocol", "protocol '" + protocol
                    + "' is invalid; use tcp, http or https");
        }
        int listenPort = service.path("listen_port").asInt(protocol.equals("https") ? 443 : 80);
        int destinationPort = service.path("destination_port").asInt(80);
        if (listenPort < 1 || listenPort > 65_535 || destinationPort < 1 || destinationPort > 65_535) {
            throw RejectedHetznerRequest.invalidInput("listen_port", "ports must be between 1 and 65535");
        }
        JsonNode check = service.path("health_check");
        String checkProtocol = check.path("protocol").asText(protocol.equals("tcp") ? "tcp" : "http");
        String path = checkProtocol.equals("tcp") ? null : check.path("http").path("path").asText("/");
        HetznerLoadBalancer.HealthCheck healthCheck = new HetznerLoadBalancer.HealthCheck(checkProtocol,
                check.path("port").asInt(destinationPort), check.path("interval").asInt(15),
                check.path("timeout").asInt(10), check.path("retries").asInt(3), path);
        return new HetznerLoadBalancer.Service(protocol, listenPort, destinationPort,
                service.path("proxyprotocol").asBoolean(false), healthCheck);
    }
}
