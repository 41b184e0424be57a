package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DigitalOceanVpc;
import dev.provisioning.cloudsim.state.Droplet;
import dev.provisioning.cloudsim.state.DropletAction;
import dev.provisioning.cloudsim.state.DropletDraft;
import dev.provisioning.cloudsim.state.DropletStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /v2/droplets}: create, list, get and delete droplets, with DigitalOcean's validation rules; a droplet's
 * actions are {@link DropletActionsHandler}'s.
 */
final class DropletsHandler {

    /** The simulated account's droplet limit, high enough for test suites that never clean up. */
    static final int DROPLET_LIMIT = 500;
    private static final int MAX_DROPLETS_PER_REQUEST = 10;
    private static final Pattern HOSTNAME = Pattern.compile("[a-zA-Z0-9.-]{1,255}");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_:-]{1,255}");

    private final DropletStore store;
    private final DigitalOceanCatalog catalog;
    private final DigitalOceanJson json;
    private final VpcDirectory vpcs;
    private final DropletActionsHandler actions;

    DropletsHandler(DropletStore store, DigitalOceanCatalog catalog, DigitalOceanJson json, VpcDirectory vpcs) {
        this.store = store;
        this.catalog = catalog;
        this.json = json;
        this.vpcs = vpcs;
        this.actions = new DropletActionsHandler(store, catalog, json);
    }

    /** Handles a request whose path continues after {@code /v2/droplets} with {@code rest}. */
    SimResponse handle(SimRequest request, List<String> rest) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "POST" -> create(request);
                case "GET" -> list(request);
                case "DELETE" -> deleteTagged(request);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        int id = parseId(rest.get(0));
        if (rest.size() == 1) {
            return switch (method) {
                case "GET" -> get(id);
                case "DELETE" -> delete(id);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.get(1).equals("actions")) {
            return actions.handle(request, id, rest.subList(2, rest.size()));
        }
        throw RejectedDigitalOceanRequest.notFound();
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = SimJson.read(request.body()).filter(JsonNode::isObject)
                .orElseThrow(() -> RejectedDigitalOceanRequest.badRequest("The request body must be a JSON object."));
        List<String> names = names(body);
        DigitalOceanCatalog.Size size = catalog.size(text(body, "size").orElse(""))
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "You specified an invalid size for Droplet creation."));
        DigitalOceanCatalog.Region region = region(body, size);
        if (!size.availableIn(region.slug())) {
            throw RejectedDigitalOceanRequest.unprocessable("Size is not available in this region.");
        }
        DigitalOceanCatalog.Image image = catalog.image(text(body, "image").orElse(""))
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "You specified an invalid image for Droplet creation."));
        List<String> tags = tags(body);
        DigitalOceanVpc vpc = vpcs.resolve(text(body, "vpc_uuid"), region, "Droplet");
        List<String> sshKeys = new ArrayList<>();
        body.path("ssh_keys").forEach(key -> sshKeys.add(key.asText()));
        List<DropletDraft> drafts = names.stream().map(name -> new DropletDraft(name, tags, size.slug(), size.diskGb(),
                region.slug(), image.slug(), vpc.id(), vpc.ipRange(), body.path("ipv6").asBoolean(false), sshKeys,
                body.path("backups").asBoolean(false), body.path("monitoring").asBoolean(false),
                text(body, "user_data").orElse(null))).toList();

        DropletStore.Creation creation = store.create(drafts, DROPLET_LIMIT, Instant.now())
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "creating this/these droplet(s) will exceed your droplet limit"));

        ObjectNode response = SimJson.object();
        if (body.has("names")) {
            response.set("droplets", DigitalOceanJson.array(creation.droplets().stream().map(json::droplet).toList()));
        } else {
            response.set("droplet", json.droplet(creation.droplets().get(0)));
        }
        ArrayNode actionLinks = response.putObject("links").putArray("actions");
        for (DropletAction action : creation.actions()) {
            actionLinks.add(json.actionLink(action, request.baseUrl()));
        }
        return SimResponse.json(202, response);
    }

    private SimResponse list(SimRequest request) {
        Optional<String> tag = request.queryParam("tag_name");
        Optional<String> name = request.queryParam("name");
        List<Droplet> matching = store.list().stream()
                .filter(d -> tag.isEmpty() || d.hasTag(tag.get()))
                .filter(d -> name.isEmpty() || d.name().equals(name.get()))
                .toList();
        DigitalOceanPages pages = DigitalOceanPages.of(request);
        ObjectNode body = SimJson.object();
        body.set("droplets", DigitalOceanJson.array(pages.slice(matching).stream().map(json::droplet).toList()));
        return SimResponse.json(200, pages.decorate(body, matching.size()));
    }

    private SimResponse get(int id) {
        Droplet droplet = store.find(id).orElseThrow(RejectedDigitalOceanRequest::notFound);
        ObjectNode body = SimJson.object();
        body.set("droplet", json.droplet(droplet));
        return SimResponse.json(200, body);
    }

    private SimResponse delete(int id) {
        if (!store.delete(id)) {
            throw RejectedDigitalOceanRequest.notFound();
        }
        return SimResponse.empty(204);
    }

    private SimResponse deleteTagged(SimRequest request) {
        String tag = request.queryParam("tag_name").filter(t -> !t.isBlank())
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "tag_name is required to delete Droplets in bulk."));
        store.deleteTagged(tag);
        return SimResponse.empty(204);
    }

    private static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        if (body.has("names")) {
            if (!body.get("names").isArray() || body.get("names").isEmpty()) {
                throw RejectedDigitalOceanRequest.unprocessable("names must be a non-empty list of Droplet names.");
            }
            body.get("names").forEach(name -> names.add(name.asText()));
            if (names.size() > MAX_DROPLETS_PER_REQUEST) {
                throw RejectedDigitalOceanRequest.unprocessable(
                        "You may only create up to " + MAX_DROPLETS_PER_REQUEST + " Droplets at a time.");
            }
        } else {
            names.add(text(body, "name").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                    "Name is required to create a Droplet.")));
        }
        for (String name : names) {
            if (!HOSTNAME.matcher(name).matches()) {
                throw RejectedDigitalOceanRequest.unprocessable(
                        "Only valid hostname characters are allowed. (a-z, A-Z, 0-9, . and -)");
            }
        }
        return names;
    }

    /** The requested region, or when none is given the first region offering the size, as DigitalOcean picks one. */
    private DigitalOceanCatalog.Region region(JsonNode body, DigitalOceanCatalog.Size size) {
        Optional<String> slug = text(body, "region");
        if (slug.isEmpty()) {
            return catalog.regions().stream().filter(r -> r.available() && size.availableIn(r.slug())).findFirst()
                    .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable("Size is not available in any region."));
        }
        return catalog.region(slug.get()).filter(DigitalOceanCatalog.Region::available)
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "You specified an invalid region for Droplet creation."));
    }

    private static List<String> tags(JsonNode body) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        JsonNode node = body.path("tags");
        if (!node.isMissingNode() && !node.isNull() && !node.isArray()) {
            throw RejectedDigitalOceanRequest.unprocessable("tags must be a list of tag names.");
        }
        for (JsonNode tag : node) {
            String name = tag.asText();
            if (!TAG.matcher(name).matches()) {
                throw RejectedDigitalOceanRequest.unprocessable(
                        "Tag names may only contain letters, numbers, colons, dashes, and underscores; "
                                + "tag names must be at most 255 characters.");
            }
            tags.add(name);
        }
        return List.copyOf(tags);
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String value = node.asText();
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static int parseId(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw RejectedDigitalOceanRequest.notFound();
        }
    }
}
