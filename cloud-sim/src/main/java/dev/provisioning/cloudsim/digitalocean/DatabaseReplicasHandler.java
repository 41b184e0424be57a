package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DigitalOceanConflict;
import dev.provisioning.cloudsim.state.DigitalOceanDatabase;
import dev.provisioning.cloudsim.state.DigitalOceanDatabaseReplica;
import dev.provisioning.cloudsim.state.DigitalOceanDatabaseStore;
import java.time.Instant;
import java.util.List;

/**
 * {@code /v2/databases/{uuid}/replicas}: add read-only replicas to an online cluster ({@code creating}, then
 * {@code online} after the database delay), list them, get and delete them by name.
 */
final class DatabaseReplicasHandler {

    private final DigitalOceanDatabaseStore store;
    private final VpcDirectory vpcs;
    private final DigitalOceanCatalog catalog;
    private final DatabaseOptions options;
    private final DatabaseJson json;

    DatabaseReplicasHandler(DigitalOceanDatabaseStore store, VpcDirectory vpcs, DigitalOceanCatalog catalog,
            DatabaseOptions options, DatabaseJson json) {
        this.store = store;
        this.vpcs = vpcs;
        this.catalog = catalog;
        this.options = options;
        this.json = json;
    }

    /** Handles a request whose path continues after {@code /v2/databases/{uuid}/replicas} with {@code rest}. */
    SimResponse handle(SimRequest request, DigitalOceanDatabase cluster, List<String> rest) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "POST" -> create(request, cluster);
                case "GET" -> list(cluster);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.size() > 1) {
            throw RejectedDigitalOceanRequest.notFound();
        }
        DigitalOceanDatabaseReplica replica = store.replica(cluster.id(), rest.get(0))
                .orElseThrow(RejectedDigitalOceanRequest::notFound);
        return switch (method) {
            case "GET" -> single(replica, cluster, 200);
            case "DELETE" -> {
                store.deleteReplica(cluster.id(), replica.name());
                yield SimResponse.empty(204);
            }
            default -> throw DigitalOceanApi.methodNotAllowed();
        };
    }

    private SimResponse create(SimRequest request, DigitalOceanDatabase cluster) {
        if (cluster.status() != DigitalOceanDatabase.Status.ONLINE) {
            throw RejectedDigitalOceanRequest.unprocessable("The database cluster " + cluster.name()
                    + " is " + cluster.status().wireName() + "; read-only replicas can be added once it is online.");
        }
        JsonNode body = RequestBodies.object(request);
        String name = DatabaseRequests.name(body, "read-only replica");
        DatabaseOptions.Engine engine = options.engine(cluster.engine()).orElseThrow();
        DigitalOceanCatalog.Region region = DatabaseRequests.region(catalog, engine,
                RequestBodies.text(body, "region").orElse(cluster.region()));
        DatabaseOptions.Size clusterSize = DatabaseRequests.size(options, cluster.size());
        DatabaseOptions.Size size = DatabaseRequests.size(options,
                RequestBodies.text(body, "size").orElse(cluster.size()));
        if (!size.atLeast(clusterSize)) {
            throw RejectedDigitalOceanRequest.unprocessable("size " + size.slug() + " is smaller than the cluster's "
                    + clusterSize.slug() + "; a read-only replica must be at least as large as the cluster's nodes.");
        }
        String vpcUuid = DatabaseRequests.namedVpc(vpcs, body, region, "read-only replica")
                .map(vpc -> vpc.id())
                .orElseGet(() -> region.slug().equals(cluster.region()) ? cluster.privateNetworkUuid()
                        : VpcDirectory.defaultVpc(region).id());
        List<String> tags = DatabaseRequests.tags(body);
        try {
            DigitalOceanDatabaseReplica created = store.addReplica(new DigitalOceanDatabaseReplica("", cluster.id(),
                    name, region.slug(), size.slug(), DigitalOceanDatabase.Status.CREATING, tags, vpcUuid,
                    Instant.now()));
            return single(created, cluster, 201);
        } catch (DigitalOceanConflict conflict) {
            throw RejectedDigitalOceanRequest.unprocessable(conflict.getMessage());
        } catch (IllegalArgumentException deletedMeanwhile) {
            throw RejectedDigitalOceanRequest.notFound();
        }
    }

    private SimResponse list(DigitalOceanDatabase cluster) {
        ObjectNode body = SimJson.object();
        body.set("replicas", DigitalOceanJson.array(store.replicas(cluster.id()).stream()
                .map(replica -> json.replica(replica, cluster)).toList()));
        return SimResponse.json(200, body);
    }

    private SimResponse single(DigitalOceanDatabaseReplica replica, DigitalOceanDatabase cluster, int status) {
        ObjectNode body = SimJson.object();
        body.set("replica", json.replica(replica, cluster));
        return SimResponse.json(status, body);
    }
}
