package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.HetznerServer;
import dev.provisioning.cloudsim.state.HetznerStore;
import dev.provisioning.cloudsim.state.HetznerVolume;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/volumes}: block storage of 10 to 10,240 GB in a location, optionally attached to a server there;
 * the {@code attach} and {@code detach} actions.
 */
final class VolumesHandler {

    private static final Set<String> FORMATS = Set.of("ext4", "xfs");

    private final HetznerStore store;
    private final HetznerJson json;
    private final Clock clock;

    VolumesHandler(HetznerStore store, HetznerJson json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    SimResponse handle(SimRequest request, List<String> rest) {
        if (rest.isEmpty()) {
            return switch (request.method()) {
                case "POST" -> create(request);
                case "GET" -> HetznerApi.listing(request, "volumes", store.volumes().stream()
                        .filter(HetznerApi.<HetznerVolume>nameAndLabels(request, HetznerVolume::name,
                                HetznerVolume::labels))
                        .map(json::volume).toList());
                default -> throw HetznerApi.methodNotAllowed();
            };
        }
        long id = HetznerApi.parseId(rest.get(0));
        if (rest.size() == 1) {
            return switch (request.method()) {
                case "GET" -> SimResponse.json(200, SimJson.object().set("volume", json.volume(
                        store.volume(id).orElseThrow(() -> RejectedHetznerRequest.notFound("volume")))));
                case "DELETE" -> {
                    if (!store.deleteVolume(id)) {
                        throw RejectedHetznerRequest.notFound("volume");
                    }
                    yield SimResponse.empty(204);
                }
                default -> throw HetznerApi.methodNotAllowed();
            };
        }
        if (rest.size() == 3 && rest.get(1).equals("actions") && rest.get(2).equals("attach")) {
            HetznerApi.requireMethod(request, "POST");
            RequestBody body = RequestBody.of(request);
            long server = body.id("server").orElseThrow(() -> RejectedHetznerRequest.invalidInput("server",
                    "Missing data for required field."));
            return ServersHandler.actionResponse(201, store.attachVolume(id, server, clock.instant()));
        }
        if (rest.size() == 3 && rest.get(1).equals("actions") && rest.get(2).equals("detach")) {
            HetznerApi.requireMethod(request, "POST");
            return ServersHandler.actionResponse(201, store.detachVolume(id, clock.instant()));
        }
        throw RejectedHetznerRequest.notFound("resource");
    }

    private SimResponse create(SimRequest request) {
        RequestBody body = RequestBody.of(request);
        String name = body.name();
        long size = body.id("size").orElseThrow(() -> RejectedHetznerRequest.invalidInput("size",
                "Missing data for required field."));
        if (size < 10 || size > 10_240) {
            throw RejectedHetznerRequest.invalidInput("size", "size must be between 10 and 10240 GB");
        }
        Optional<Long> server = body.id("server");
        String location;
        if (server.isPresent()) {
            HetznerServer attached = store.server(server.get()).orElseThrow(() -> RejectedHetznerRequest.invalidInput(
                    "server", "server " + server.get() + " not found"));
            location = attached.location();
        } else {
            String wanted = body.text("location").orElseThrow(() -> RejectedHetznerRequest.invalidInput("location",
                    "location or server is required"));
            location = HetznerCatalog.location(wanted).orElseThrow(() -> RejectedHetznerRequest.invalidInput(
                    "location", "location '" + wanted + "' not found")).name();
        }
        String format = body.text("format").orElse(null);
        if (format != null && !FORMATS.contains(format)) {
            throw RejectedHetznerRequest.invalidInput("format", "format must be one of ext4, xfs");
        }
        HetznerStore.Creation<HetznerVolume> creation;
        try {
            creation = store.createVolume(name, size, location, body.labels(), server.orElse(null), format,
                    clock.instant());
        } catch (HetznerStore.Rejected rejected) {
            throw RejectedHetznerRequest.uniqueness("name", rejected.getMessage());
        }
        ObjectNode response = SimJson.object();
        response.set("volume", json.volume(creation.resource()));
        response.set("action", HetznerJson.action(creation.action()));
        response.putArray("next_actions");
        return SimResponse.json(201, response);
    }
}
