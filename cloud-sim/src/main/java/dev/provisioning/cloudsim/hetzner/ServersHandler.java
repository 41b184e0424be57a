package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.HetznerAction;
import dev.provisioning.cloudsim.state.HetznerServer;
import dev.provisioning.cloudsim.state.HetznerStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/servers}: create (optionally with volumes), list, get, update (name, labels), delete, and the power and
 * network actions.
 */
final class ServersHandler {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HetznerStore store;
    private final HetznerJson json;
    private final Clock clock;

    ServersHandler(HetznerStore store, HetznerJson json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    SimResponse handle(SimRequest request, List<String> rest) {
        if (rest.isEmpty()) {
            return switch (request.method()) {
                case "POST" -> create(request);
                case "GET" -> list(request);
                default -> throw HetznerApi.methodNotAllowed();
            };
        }
        long id = HetznerApi.parseId(rest.get(0));
        if (rest.size() == 1) {
            return switch (request.method()) {
                case "GET" -> SimResponse.json(200, SimJson.object().set("server", json.server(existing(id))));
                case "PUT" -> update(request, id);
                case "DELETE" -> actionResponse(200, store.deleteServer(id, clock.instant())
                        .orElseThrow(() -> RejectedHetznerRequest.notFound("server")));
                default -> throw HetznerApi.methodNotAllowed();
            };
        }
        if (rest.size() == 2 && rest.get(1).equals("actions")) {
            HetznerApi.requireMethod(request, "GET");
            existing(id);
            return HetznerApi.listing(request, "actions", store.actions().stream()
                    .filter(a -> a.concerns(id, "server")).map(HetznerJson::action).toList());
        }
        if (rest.size() == 3 && rest.get(1).equals("actions")) {
            HetznerApi.requireMethod(request, "POST");
            return switch (rest.get(2)) {
                case "poweron", "poweroff" -> actionResponse(201, store.power(id, rest.get(2).equals("poweron"),
                        clock.instant()).orElseThrow(() -> RejectedHetznerRequest.notFound("server")));
                case "attach_to_network" -> attachToNetwork(request, id);
                default -> throw RejectedHetznerRequest.notFound("action");
            };
        }
        throw RejectedHetznerRequest.notFound("resource");
    }

    private SimResponse create(SimRequest request) {
        RequestBody body = RequestBody.of(request);
        String name = body.name();
        HetznerCatalog.ServerType type = HetznerCatalog.serverType(body.requiredText("server_type")).orElseThrow(
                () -> RejectedHetznerRequest.invalidInput("server_type", "server type '"
                        + body.text("server_type").orElse("") + "' not found"));
        HetznerCatalog.Location location = location(body);
        if (!type.locations().contains(location.name())) {
            throw new RejectedHetznerRequest(412, "resource_unavailable", "server type " + type.name()
                    + " is not available in location " + location.name(), null);
        }
        String imageName = body.requiredText("image");
        HetznerCatalog.Image image = HetznerCatalog.image(imageName, type.architecture()).orElseThrow(
                () -> RejectedHetznerRequest.invalidInput("image", "image '" + imageName + "' not found"));
        List<Long> networks = body.ids("networks");
        for (Long network : networks) {
            if (store.network(network).isEmpty()) {
                throw RejectedHetznerRequest.invalidInput("networks", "network " + network + " not found");
            }
        }
        List<Long> volumes = body.ids("volumes");
        HetznerStore.Creation<HetznerServer> creation;
        try {
            creation = store.createServer(name, type.name(), location.name(), image.name(), body.labels(), networks,
                    volumes, location.networkZone(), clock.instant());
        } catch (HetznerStore.Rejected rejected) {
            if (rejected.code().equals("uniqueness_error")) {
                throw RejectedHetznerRequest.uniqueness("name", "server name is already used");
            }
            if ("volumes".equals(rejected.field())) {
                throw RejectedHetznerRequest.invalidInput("volumes", rejected.getMessage());
            }
            throw rejected;
        }
        ObjectNode response = SimJson.object();
        response.set("server", json.server(creation.resource()));
        response.set("action", HetznerJson.action(creation.action()));
        response.putArray("next_actions");
        response.put("root_password", HexFormat.of().formatHex(RANDOM.generateSeed(9)));
        return SimResponse.json(201, response);
    }

    /** The {@code location}, else the {@code datacenter}'s location, else nbg1 as Hetzner picks a default. */
    private static HetznerCatalog.Location location(RequestBody body) {
        Optional<String> location = body.text("location");
        if (location.isPresent()) {
            return HetznerCatalog.location(location.get()).orElseThrow(() -> RejectedHetznerRequest.invalidInput(
                    "location", "location '" + location.get() + "' not found"));
        }
        Optional<String> datacenter = body.text("datacenter");
        if (datacenter.isPresent()) {
            return HetznerCatalog.datacenter(datacenter.get()).map(HetznerCatalog.Datacenter::location)
                    .orElseThrow(() -> RejectedHetznerRequest.invalidInput("datacenter", "datacenter '"
                            + datacenter.get() + "' not found"));
        }
        return HetznerCatalog.location("nbg1").orElseThrow();
    }

    private SimResponse list(SimRequest request) {
        Set<String> statuses = Set.copyOf(request.queryParams().getOrDefault("status", List.of()));
        var filter = HetznerApi.<HetznerServer>nameAndLabels(request, HetznerServer::name, HetznerServer::labels);
        List<ObjectNode> matching = store.servers().stream().filter(filter)
                .filter(s -> statuses.isEmpty() || statuses.contains(s.status()))
                .map(json::server).toList();
        return HetznerApi.listing(request, "servers", matching);
    }

    /** {@code PUT /v1/servers/{id}}: a new {@code name} and/or {@code labels} (replacing every label). */
    private SimResponse update(SimRequest request, long id) {
        RequestBody body = RequestBody.of(request);
        String name = body.optionalName().orElse(null);
        Map<String, String> labels = body.json().hasNonNull("labels") ? body.labels() : null;
        try {
            return SimResponse.json(200, SimJson.object().set("server", json.server(store.updateServer(id, name,
                    labels).orElseThrow(() -> RejectedHetznerRequest.notFound("server")))));
        } catch (HetznerStore.Rejected rejected) {
            throw RejectedHetznerRequest.uniqueness("name", "server name is already used");
        }
    }

    private SimResponse attachToNetwork(SimRequest request, long id) {
        RequestBody body = RequestBody.of(request);
        long network = body.id("network").orElseThrow(() -> RejectedHetznerRequest.invalidInput("network",
                "Missing data for required field."));
        if (store.network(network).isEmpty()) {
            throw RejectedHetznerRequest.notFound("network");
        }
        HetznerServer server = existing(id);
        String zone = HetznerCatalog.location(server.location()).orElseThrow().networkZone();
        return actionResponse(201, store.attachServerToNetwork(id, network, body.text("ip").orElse(null), zone,
                clock.instant()));
    }

    private HetznerServer existing(long id) {
        return store.server(id).orElseThrow(() -> RejectedHetznerRequest.notFound("server"));
    }

    static SimResponse actionResponse(int status, HetznerAction action) {
        return SimResponse.json(status, SimJson.object().set("action", HetznerJson.action(action)));
    }
}
