package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.HetznerIpRange;
import dev.provisioning.cloudsim.state.HetznerNetwork;
import dev.provisioning.cloudsim.state.HetznerStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/networks}: private networks with subnets and routes; servers attached get an address from a subnet. The
 * network actions are {@link NetworkActionsHandler}'s.
 */
final class NetworksHandler {

    private static final List<HetznerIpRange> PRIVATE_RANGES = List.of(HetznerIpRange.parse("10.0.0.0/8"),
            HetznerIpRange.parse("172.16.0.0/12"), HetznerIpRange.parse("192.168.0.0/16"));
    private static final Set<String> NETWORK_ZONES = NetworkActionsHandler.NETWORK_ZONES;
    private static final Set<String> SUBNET_TYPES = NetworkActionsHandler.SUBNET_TYPES;

    private final HetznerStore store;
    private final HetznerJson json;
    private final Clock clock;
    private final NetworkActionsHandler actions;

    NetworksHandler(HetznerStore store, HetznerJson json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.actions = new NetworkActionsHandler(store, clock);
    }

    /** Whether the block lies inside one of the private ranges of RFC 1918. */
    static boolean isPrivate(HetznerIpRange range) {
        return PRIVATE_RANGES.stream().anyMatch(p -> p.contains(range));
    }

    SimResponse handle(SimRequest request, List<String> rest) {
        if (rest.isEmpty()) {
            return switch (request.method()) {
                case "POST" -> create(request);
                case "GET" -> HetznerApi.listing(request, "networks", store.networks().stream()
                        .filter(HetznerApi.<HetznerNetwork>nameAndLabels(request, HetznerNetwork::name,
                                HetznerNetwork::labels))
                        .map(json::network).toList());
                default -> throw HetznerApi.methodNotAllowed();
            };
        }
        long id = HetznerApi.parseId(rest.get(0));
        if (rest.size() >= 2 && rest.get(1).equals("actions")) {
            return actions.handle(request, id, rest.subList(2, rest.size()));
        }
        if (rest.size() != 1) {
            throw RejectedHetznerRequest.notFound("resource");
        }
        return switch (request.method()) {
            case "GET" -> SimResponse.json(200, SimJson.object().set("network", json.network(
                    store.network(id).orElseThrow(() -> RejectedHetznerRequest.notFound("network")))));
            case "DELETE" -> {
                if (!store.deleteNetwork(id)) {
                    throw RejectedHetznerRequest.notFound("network");
                }
                yield SimResponse.empty(204);
            }
            default -> throw HetznerApi.methodNotAllowed();
        };
    }

    private SimResponse create(SimRequest request) {
        RequestBody body = RequestBody.of(request);
        String name = body.name();
        String ipRangeText = body.requiredText("ip_range");
        HetznerIpRange ipRange = HetznerIpRange.tryParse(ipRangeText)
                .filter(NetworksHandler::isPrivate)
                .filter(r -> r.prefixLength() <= 24)
                .orElseThrow(() -> RejectedHetznerRequest.invalidInput("ip_range", "ip_range '" + ipRangeText
                        + "' must be a private IPv4 network (RFC 1918) of size /24 or larger"));
        String gateway = ipRange.address(1);
        List<HetznerNetwork.Subnet> subnets = new ArrayList<>();
        JsonNode subnetsJson = body.json().path("subnets");
        for (JsonNode subnet : subnetsJson) {
            String type = subnet.path("type").asText("cloud");
            String zone = subnet.path("network_zone").asText("");
            String rangeText = subnet.path("ip_range").asText("");
            if (!SUBNET_TYPES.contains(type)) {
                throw RejectedHetznerRequest.invalidInput("subnets", "subnet type '" + type + "' is invalid");
            }
            if (!NETWORK_ZONES.contains(zone)) {
                throw RejectedHetznerRequest.invalidInput("subnets", "network_zone '" + zone + "' is invalid");
            }
            HetznerIpRange range = HetznerIpRange.tryParse(rangeText).filter(ipRange::contains).orElseThrow(
                    () -> RejectedHetznerRequest.invalidInput("subnets", "subnet ip_range '" + rangeText
                            + "' must lie inside the network's ip_range " + ipRangeText));
            subnets.add(new HetznerNetwork.Subnet(type, rangeText, zone, gateway));
            if (range.prefixLength() > 30) {
                throw RejectedHetznerRequest.invalidInput("subnets", "subnet ip_range '" + rangeText
                        + "' is too small");
            }
        }
        HetznerNetwork network;
        try {
            network = store.createNetwork(name, ipRangeText, subnets, body.labels(), clock.instant());
        } catch (HetznerStore.Rejected rejected) {
            throw RejectedHetznerRequest.uniqueness("name", rejected.getMessage());
        }
        ObjectNode response = SimJson.object();
        response.set("network", json.network(network));
        return SimResponse.json(201, response);
    }
}
