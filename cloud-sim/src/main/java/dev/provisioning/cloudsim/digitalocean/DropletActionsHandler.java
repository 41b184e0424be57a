package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DigitalOceanConflict;
import dev.provisioning.cloudsim.state.Droplet;
import dev.provisioning.cloudsim.state.DropletAction;
import dev.provisioning.cloudsim.state.DropletActionRequest;
import dev.provisioning.cloudsim.state.DropletStore;
import java.time.Instant;
import java.util.List;

/**
 * {@code /v2/droplets/{id}/actions}: starts power, reboot and resize actions ({@code 201} with the action,
 * {@code in-progress} until the droplet delay has passed), lists a droplet's actions and reads one of them.
 */
final class DropletActionsHandler {

    private final DropletStore store;
    private final DigitalOceanCatalog catalog;
    private final DigitalOceanJson json;

    DropletActionsHandler(DropletStore store, DigitalOceanCatalog catalog, DigitalOceanJson json) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
    }

    /** Handles {@code /v2/droplets/{dropletId}/actions} followed by {@code rest} (empty, or an action id). */
    SimResponse handle(SimRequest request, int dropletId, List<String> rest) {
        if (rest.isEmpty()) {
            return switch (request.method()) {
                case "POST" -> start(request, dropletId);
                case "GET" -> list(request, dropletId);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.size() == 1 && request.method().equals("GET")) {
            store.find(dropletId).orElseThrow(RejectedDigitalOceanRequest::notFound);
            DropletAction action = store.action(parseId(rest.get(0))).filter(a -> a.resourceId() == dropletId)
                    .orElseThrow(RejectedDigitalOceanRequest::notFound);
            return SimResponse.json(200, SimJson.object().set("action", json.action(action)));
        }
        throw RejectedDigitalOceanRequest.notFound();
    }

    private SimResponse start(SimRequest request, int dropletId) {
        Droplet droplet = store.find(dropletId).orElseThrow(RejectedDigitalOceanRequest::notFound);
        JsonNode body = RequestBodies.object(request);
        String type = RequestBodies.text(body, "type").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "type is required: one of " + String.join(", ", DropletActionRequest.TYPES) + "."));
        if (!DropletActionRequest.TYPES.contains(type)) {
            throw RejectedDigitalOceanRequest.unprocessable("The action type '" + type + "' is not supported; "
                    + "cloud-sim carries out " + String.join(", ", DropletActionRequest.TYPES) + ".");
        }
        DropletActionRequest action = type.equals("resize") ? resize(body, droplet) : DropletActionRequest.of(type);
        DropletAction started;
        try {
            started = store.startAction(dropletId, action, Instant.now())
                    .orElseThrow(RejectedDigitalOceanRequest::notFound);
        } catch (DigitalOceanConflict conflict) {
            throw RejectedDigitalOceanRequest.unprocessable(conflict.getMessage());
        }
        ObjectNode response = SimJson.object();
        response.set("action", json.action(started));
        return SimResponse.json(201, response);
    }

    /** A resize to a known size offered in the droplet's region; {@code disk} makes it permanent. */
    private DropletActionRequest resize(JsonNode body, Droplet droplet) {
        String slug = RequestBodies.text(body, "size").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "size is required to resize a Droplet."));
        DigitalOceanCatalog.Size size = catalog.size(slug).orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "You specified an invalid size for Droplet resize: '" + slug + "'."));
        if (!size.availableIn(droplet.region())) {
            throw RejectedDigitalOceanRequest.unprocessable("Size '" + slug + "' is not available in this region.");
        }
        JsonNode disk = body.path("disk");
        if (!disk.isMissingNode() && !disk.isNull() && !disk.isBoolean()) {
            throw RejectedDigitalOceanRequest.unprocessable("disk must be true or false.");
        }
        return DropletActionRequest.resize(size.slug(), size.diskGb(), disk.asBoolean(false));
    }

    private SimResponse list(SimRequest request, int dropletId) {
        store.find(dropletId).orElseThrow(RejectedDigitalOceanRequest::notFound);
        List<DropletAction> actions = store.actions().stream().filter(a -> a.resourceId() == dropletId).toList();
        DigitalOceanPages pages = DigitalOceanPages.of(request);
        ObjectNode body = SimJson.object();
        body.set("actions", DigitalOceanJson.array(pages.slice(actions).stream().map(json::action).toList()));
        return SimResponse.json(200, pages.decorate(body, actions.size()));
    }

    private static int parseId(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw RejectedDigitalOceanRequest.notFound();
        }
    }
}
