package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.HetznerAction;
import dev.provisioning.cloudsim.state.HetznerIpRange;
import dev.provisioning.cloudsim.state.HetznerStore;
import dev.provisioning.cloudsim.state.HetznerSubnetRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/networks/{id}/actions}: {@code add_subnet}, {@code delete_subnet}, {@code add_route} and
 * {@code delete_route} (201 with a {@code running} action that succeeds after the server delay), and the network's
 * actions. The shape of each field is checked here, its fit with the network in the store.
 */
final class NetworkActionsHandler {

    static final Set<String> NETWORK_ZONES = Set.of("eu-central", "us-east", "us-west", "ap-southeast");
    static final Set<String> SUBNET_TYPES = Set.of("cloud", "server", "vswitch");

    private final HetznerStore store;
    private final Clock clock;

    NetworkActionsHandler(HetznerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Handles {@code /v1/networks/{networkId}/actions} followed by {@code rest}. */
    SimResponse handle(SimRequest request, long networkId, List<String> rest) {
        if (request.method().equals("GET")) {
            store.network(networkId).orElseThrow(() -> RejectedHetznerRequest.notFound("network"));
            if (rest.isEmpty()) {
                return HetznerApi.listing(request, "actions", store.actions().stream()
                        .filter(a -> a.concerns(networkId, "network")).map(HetznerJson::action).toList());
            }
            if (rest.size() == 1) {
                long actionId = HetznerApi.parseId(rest.get(0));
                HetznerAction action = store.action(actionId).filter(a -> a.concerns(networkId, "network"))
                        .orElseThrow(() -> RejectedHetznerRequest.notFound("action"));
                return SimResponse.json(200, SimJson.object().set("action", HetznerJson.action(action)));
            }
            throw RejectedHetznerRequest.notFound("resource");
        }
        HetznerApi.requireMethod(request, "POST");
        if (rest.size() != 1) {
            throw RejectedHetznerRequest.notFound("action");
        }
        HetznerAction action = switch (rest.get(0)) {
            case "add_subnet" -> store.addSubnet(networkId, subnet(RequestBody.of(request)), clock.instant());
            case "delete_subnet" -> store.deleteSubnet(networkId, cidr(RequestBody.of(request), "ip_range").cidr(),
                    clock.instant());
            case "add_route", "delete_route" -> route(rest.get(0), networkId, RequestBody.of(request));
            default -> throw RejectedHetznerRequest.notFound("action");
        };
        return SimResponse.json(201, SimJson.object().set("action", HetznerJson.action(action)));
    }

    private static HetznerSubnetRequest subnet(RequestBody body) {
        String type = body.requiredText("type");
        if (!SUBNET_TYPES.contains(type)) {
            throw RejectedHetznerRequest.invalidInput("type", "type '" + type
                    + "' is not one of cloud, server, vswitch");
        }
        String zone = body.requiredText("network_zone");
        if (!NETWORK_ZONES.contains(zone)) {
            throw RejectedHetznerRequest.invalidInput("network_zone", "network_zone '" + zone + "' is not known");
        }
        String ipRange = blank(body, "ip_range").isPresent() ? cidr(body, "ip_range").cidr() : null;
        String gateway = blank(body, "gateway").orElse(null);
        if (gateway != null && !HetznerIpRange.isAddress(gateway)) {
            throw RejectedHetznerRequest.invalidInput("gateway", "gateway '" + gateway + "' is not an IPv4 address");
        }
        Optional<Long> vswitchId = body.id("vswitch_id").filter(id -> id != 0);
        if (type.equals("vswitch") && vswitchId.isEmpty()) {
            throw RejectedHetznerRequest.invalidInput("vswitch_id", "a vswitch subnet needs a vswitch_id");
        }
        if (!type.equals("vswitch") && vswitchId.isPresent()) {
            throw RejectedHetznerRequest.invalidInput("vswitch_id", "only a vswitch subnet takes a vswitch_id");
        }
        return new HetznerSubnetRequest(type, ipRange, zone, gateway, vswitchId.orElse(null));
    }

    private HetznerAction route(String command, long networkId, RequestBody body) {
        HetznerIpRange destination = cidr(body, "destination");
        if (!NetworksHandler.isPrivate(destination)) {
            throw RejectedHetznerRequest.invalidInput("destination", "destination " + destination.cidr()
                    + " must be a private IPv4 network (RFC 1918)");
        }
        String gateway = body.requiredText("gateway");
        if (!HetznerIpRange.isAddress(gateway)) {
            throw RejectedHetznerRequest.invalidInput("gateway", "gateway '" + gateway + "' is not an IPv4 address");
        }
        return command.equals("add_route") ? store.addRoute(networkId, destination, gateway, clock.instant())
                : store.deleteRoute(networkId, destination.cidr(), gateway, clock.instant());
    }

    private static HetznerIpRange cidr(RequestBody body, String field) {
        String text = body.requiredText(field);
        return HetznerIpRange.tryParse(text).orElseThrow(() -> RejectedHetznerRequest.invalidInput(field,
                field + " '" + text + "' is not an IPv4 network in CIDR notation with its host bits cleared"));
    }

    /** A text field, empty when absent, null or {@code ""} (the hcloud CLI sends empty strings for unset flags). */
    private static Optional<String> blank(RequestBody body, String field) {
        return body.text(field).filter(text -> !text.isBlank());
    }
}
