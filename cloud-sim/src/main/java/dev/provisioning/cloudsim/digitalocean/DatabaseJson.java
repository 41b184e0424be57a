package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.state.DigitalOceanDatabase;
import dev.provisioning.cloudsim.state.DigitalOceanDatabaseReplica;
import java.util.List;

/** Renders database clusters, replicas and the database options in DigitalOcean's JSON shapes. */
final class DatabaseJson {

    private final DatabaseOptions options;

    DatabaseJson(DatabaseOptions options) {
        this.options = options;
    }

    ObjectNode cluster(DigitalOceanDatabase db) {
        String protocol = protocol(db.engine());
        ObjectNode json = SimJson.object();
        json.put("id", db.id());
        json.put("name", db.name());
        json.put("engine", db.engine());
        json.put("version", db.version());
        json.put("num_nodes", db.numNodes());
        json.put("size", db.size());
        json.put("region", db.region());
        json.put("status", db.status().wireName());
        json.put("created_at", DigitalOceanJson.timestamp(db.createdAt()));
        json.put("private_network_uuid", db.privateNetworkUuid());
        json.set("tags", strings(db.tags()));
        json.set("db_names", strings(List.of(DigitalOceanDatabase.DEFAULT_DATABASE)));
        json.set("connection", connection(protocol, db.host(), db.password()));
        json.set("private_connection", connection(protocol, db.privateHost(), db.password()));
        if (db.numNodes() > 1) {
            json.set("standby_connection", connection(protocol, "replica-" + db.host(), db.password()));
            json.set("standby_private_connection", connection(protocol, "replica-" + db.privateHost(),
                    db.password()));
        }
        ObjectNode user = json.putArray("users").addObject();
        user.put("name", DigitalOceanDatabase.DEFAULT_USER);
        user.put("role", "primary");
        user.put("password", db.password());
        ObjectNode maintenance = json.putObject("maintenance_window");
        maintenance.put("day", "tuesday");
        maintenance.put("hour", "02:00:00");
        maintenance.put("pending", false);
        maintenance.putArray("description");
        return json;
    }

    ObjectNode replica(DigitalOceanDatabaseReplica replica, DigitalOceanDatabase cluster) {
        String protocol = protocol(cluster.engine());
        ObjectNode json = SimJson.object();
        json.put("id", replica.id());
        json.put("name", replica.name());
        json.put("region", replica.region());
        json.put("size", replica.size());
        json.put("status", replica.status().wireName());
        json.put("created_at", DigitalOceanJson.timestamp(replica.createdAt()));
        json.put("private_network_uuid", replica.privateNetworkUuid());
        json.set("tags", strings(replica.tags()));
        json.set("connection", connection(protocol, replica.host(), cluster.password()));
        json.set("private_connection", connection(protocol, replica.privateHost(), cluster.password()));
        return json;
    }

    ObjectNode options() {
        ObjectNode body = SimJson.object();
        ObjectNode byEngine = body.putObject("options");
        for (DatabaseOptions.Engine engine : options.engines()) {
            ObjectNode json = byEngine.putObject(engine.slug());
            json.set("regions", strings(engine.regions()));
            json.set("versions", strings(engine.versions()));
            ArrayNode layouts = json.putArray("layouts");
            for (DatabaseOptions.Layout layout : engine.layouts()) {
                ObjectNode item = layouts.addObject();
                item.put("num_nodes", layout.numNodes());
                item.set("sizes", strings(layout.sizes()));
            }
        }
        return body;
    }

    private String protocol(String engine) {
        return options.engine(engine).map(DatabaseOptions.Engine::protocol).orElse(engine);
    }

    private static ObjectNode connection(String protocol, String host, String password) {
        ObjectNode json = SimJson.object();
        json.put("protocol", protocol);
        json.put("uri", protocol + "://" + DigitalOceanDatabase.DEFAULT_USER + ":" + password + "@" + host + ":"
                + DigitalOceanDatabase.PORT + "/" + DigitalOceanDatabase.DEFAULT_DATABASE + "?sslmode=require");
        json.put("database", DigitalOceanDatabase.DEFAULT_DATABASE);
        json.put("host", host);
        json.put("port", DigitalOceanDatabase.PORT);
        json.put("user", DigitalOceanDatabase.DEFAULT_USER);
        json.put("password", password);
        json.put("ssl", true);
        return json;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = SimJson.array();
        values.forEach(array::add);
        return array;
    }
}
