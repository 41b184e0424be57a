package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DropletAction;
import dev.provisioning.cloudsim.state.DropletStore;
import java.util.List;

/** {@code /v2/actions}: the actions clients poll after asynchronous requests such as droplet creation. */
final class ActionsHandler {

    private final DropletStore store;
    private final DigitalOceanJson json;

    ActionsHandler(DropletStore store, DigitalOceanJson json) {
        this.store = store;
        this.json = json;
    }

    SimResponse handle(SimRequest request, List<String> rest) {
        if (!request.method().equals("GET")) {
            throw DigitalOceanApi.methodNotAllowed();
        }
        if (rest.isEmpty()) {
            List<DropletAction> actions = store.actions();
            DigitalOceanPages pages = DigitalOceanPages.of(request);
            ObjectNode body = SimJson.object();
            body.set("actions", DigitalOceanJson.array(pages.slice(actions).stream().map(json::action).toList()));
            return SimResponse.json(200, pages.decorate(body, actions.size()));
        }
        if (rest.size() > 1) {
            throw RejectedDigitalOceanRequest.notFound();
        }
        int id;
        try {
            id = Integer.parseInt(rest.get(0));
        } catch (NumberFormatException e) {
            throw RejectedDigitalOceanRequest.notFound();
        }
        DropletAction action = store.action(id).orElseThrow(RejectedDigitalOceanRequest::notFound);
        ObjectNode body = SimJson.object();
        body.set("action", json.action(action));
        return SimResponse.json(200, body);
    }
}
