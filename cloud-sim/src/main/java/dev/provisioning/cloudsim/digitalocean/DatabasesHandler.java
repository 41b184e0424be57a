package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DigitalOceanConflict;
import dev.provisioning.cloudsim.state.DigitalOceanDatabase;
import dev.provisioning.cloudsim.state.DigitalOceanDatabaseStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /v2/databases}: create managed database clusters ({@code creating}, {@code online} after the configured
 * delay), list them (by tag), get and delete them, list the options, and hand {@code /{uuid}/replicas} on to
 * {@link DatabaseReplicasHandler}.
 */
final class DatabasesHandler {

    private final DigitalOceanDatabaseStore store;
    private final VpcDirectory vpcs;
    private final DigitalOceanCatalog catalog;
    private final DatabaseOptions options;
    private final DatabaseJson json;
    private final DatabaseReplicasHandler replicas;

    DatabasesHandler(DigitalOceanDatabaseStore store, VpcDirectory vpcs, DigitalOceanCatalog catalog) {
        this.store = store;
        this.vpcs = vpcs;
        this.catalog = catalog;
        this.options = DatabaseOptions.standard(catalog);
        this.json = new DatabaseJson(options);
        this.replicas = new DatabaseReplicasHandler(store, vpcs, catalog, options, json);
    }

    /** Handles a request whose path continues after {@code /v2/databases} with {@code rest}. */
    SimResponse handle(SimRequest request, List<String> rest) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "POST" -> create(request);
                case "GET" -> list(request);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.size() == 1 && rest.get(0).equals("options")) {
            if (!method.equals("GET")) {
                throw DigitalOceanApi.methodNotAllowed();
            }
            return SimResponse.json(200, json.options());
        }
        DigitalOceanDatabase cluster = store.find(rest.get(0)).orElseThrow(RejectedDigitalOceanRequest::notFound);
        if (rest.size() == 1) {
            return switch (method) {
                case "GET" -> single(cluster, 200);
                case "DELETE" -> {
                    store.delete(cluster.id());
                    yield SimResponse.empty(204);
                }
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.get(1).equals("replicas")) {
            return replicas.handle(request, cluster, rest.subList(2, rest.size()));
        }
        throw RejectedDigitalOceanRequest.notFound();
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = RequestBodies.object(request);
        String name = DatabaseRequests.name(body, "database cluster");
        DatabaseOptions.Engine engine = engine(body);
        String version = version(body, engine);
        DigitalOceanCatalog.Region region = DatabaseRequests.region(catalog, engine, RequestBodies.text(body, "region")
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "region is required to create a database cluster.")));
        DatabaseOptions.Size size = DatabaseRequests.size(options, RequestBodies.text(body, "size")
                .orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                        "size is required to create a database cluster.")));
        int numNodes = numNodes(body, engine, size);
        String vpcUuid = DatabaseRequests.namedVpc(vpcs, body, region, "database cluster")
                .orElseGet(() -> VpcDirectory.defaultVpc(region)).id();
        List<String> tags = DatabaseRequests.tags(body);
        try {
            DigitalOceanDatabase created = store.create(new DigitalOceanDatabase("", name, engine.slug(), version,
                    region.slug(), size.slug(), numNodes, DigitalOceanDatabase.Status.CREATING, tags, vpcUuid, "",
                    Instant.now()));
            return single(created, 201);
        } catch (DigitalOceanConflict conflict) {
            throw RejectedDigitalOceanRequest.unprocessable(conflict.getMessage());
        }
    }

    private SimResponse list(SimRequest request) {
        Optional<String> tag = request.queryParam("tag_name");
        List<DigitalOceanDatabase> matching = store.list().stream()
                .filter(db -> tag.isEmpty() || db.hasTag(tag.get()))
                .toList();
        DigitalOceanPages pages = DigitalOceanPages.of(request);
        ObjectNode body = SimJson.object();
        body.set("databases", DigitalOceanJson.array(pages.slice(matching).stream().map(json::cluster).toList()));
        return SimResponse.json(200, pages.decorate(body, matching.size()));
    }

    private DatabaseOptions.Engine engine(JsonNode body) {
        String slug = RequestBodies.text(body, "engine").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "engine is required to create a database cluster."));
        return options.engine(slug).orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable("engine '" + slug
                + "' is not supported; engines: " + options.engines().stream().map(DatabaseOptions.Engine::slug)
                .collect(Collectors.joining(", ")) + "."));
    }

    private static String version(JsonNode body, DatabaseOptions.Engine engine) {
        String version = RequestBodies.text(body, "version").orElse(engine.latestVersion());
        if (!engine.versions().contains(version)) {
            throw RejectedDigitalOceanRequest.unprocessable("version '" + version + "' of engine " + engine.slug()
                    + " is not available; versions: " + String.join(", ", engine.versions()) + ".");
        }
        return version;
    }

    private static int numNodes(JsonNode body, DatabaseOptions.Engine engine, DatabaseOptions.Size size) {
        int numNodes = RequestBodies.integer(body, "num_nodes").orElseThrow(() ->
                RejectedDigitalOceanRequest.unprocessable("num_nodes is required to create a database cluster."));
        DatabaseOptions.Layout layout = engine.layout(numNodes).orElseThrow(() ->
                RejectedDigitalOceanRequest.unprocessable("num_nodes " + numNodes + " is not offered for engine "
                        + engine.slug() + "; node counts: " + engine.layouts().stream()
                        .map(l -> String.valueOf(l.numNodes())).collect(Collectors.joining(", ")) + "."));
        if (!layout.sizes().contains(size.slug())) {
            throw RejectedDigitalOceanRequest.unprocessable("size " + size.slug() + " is not offered for a "
                    + engine.slug() + " cluster of " + numNodes + " nodes.");
        }
        return numNodes;
    }

    private SimResponse single(DigitalOceanDatabase cluster, int status) {
        ObjectNode body = SimJson.object();
        body.set("database", json.cluster(cluster));
        return SimResponse.json(status, body);
    }
}
