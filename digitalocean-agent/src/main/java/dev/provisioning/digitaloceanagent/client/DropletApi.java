package dev.provisioning.digitaloceanagent.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.myjeeva.digitalocean.pojo.Droplet;
import com.myjeeva.digitalocean.pojo.Droplets;
import com.myjeeva.digitalocean.pojo.Key;
import dev.provisioning.agent.retry.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The droplet calls of the DigitalOcean API, through the {@code digitalocean-api-client} SDK. */
@ApplicationScoped
public class DropletApi {

    private static final int PAGE_SIZE = 200;

    private final DigitalOceanConnection connection;

    public DropletApi(DigitalOceanConnection connection) {
        this.connection = connection;
    }

    /** Droplets carrying a tag: {@code GET /v2/droplets?tag_name=}. */
    public List<Droplet> listByTag(String tag) {
        Droplets page = connection.call("list droplets tagged " + tag,
                () -> connection.sdk().getAvailableDropletsByTagName(tag, 1, PAGE_SIZE));
        return page == null || page.getDroplets() == null ? List.of() : page.getDroplets();
    }

    /** One droplet: {@code GET /v2/droplets/{id}}; empty when it does not exist. */
    public Optional<Droplet> find(int id) {
        return connection.callOrAbsent("get droplet " + id, () -> connection.sdk().getDropletInfo(id));
    }

    /** {@code POST /v2/droplets} through the SDK. */
    public Droplet create(Droplet draft) {
        return connection.call("create droplet " + draft.getName(), () -> connection.sdk().createDroplet(draft));
    }

    /**
     * {@code POST /v2/droplets} with a {@code vpc_uuid}, which the SDK's request serializer leaves out: sent as raw
     * JSON over the same HTTP client, then read back through the SDK.
     */
    public Droplet createInVpc(Droplet draft, String vpcUuid) {
        String operation = "create droplet " + draft.getName();
        ObjectNode body = connection.json().createObjectNode();
        body.put("name", draft.getName());
        body.put("region", draft.getRegion().getSlug());
        body.put("size", draft.getSize());
        body.put("image", draft.getImage().getSlug());
        body.put("vpc_uuid", vpcUuid);
        ArrayNode tags = body.putArray("tags");
        draft.getTags().forEach(tags::add);
        ArrayNode keys = body.putArray("ssh_keys");
        for (Key key : draft.getKeys() == null ? List.<Key>of() : draft.getKeys()) {
            if (key.getId() != null) {
                keys.add(key.getId());
            } else {
                keys.add(key.getFingerprint());
            }
        }
        int id = connection.send(operation, "POST", "/v2/droplets", body).path("droplet").path("id").asInt(0);
        if (id == 0) {
            throw ProviderException.of("unexpected_response", operation + ": the answer carried no droplet id", true);
        }
        return find(id).orElseThrow(() -> ProviderException.of("vanished",
                "droplet " + id + " was created but could not be read back", true));
    }

    /** {@code DELETE /v2/droplets/{id}}; a droplet that is already gone is not an error. */
    public void delete(int id) {
        connection.callOrAbsent("delete droplet " + id, () -> connection.sdk().deleteDroplet(id));
    }
}
