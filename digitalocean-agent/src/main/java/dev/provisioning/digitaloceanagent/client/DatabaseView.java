package dev.provisioning.digitaloceanagent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A DigitalOcean managed database cluster as the API reports it, reduced to what the agent may handle: the
 * connection's host, port, database and user, but never its password or URI (the URI embeds the password), so
 * neither can reach a log line, an event or an exception message through this object.
 *
 * @param numNodes    primary plus standby nodes
 * @param privateHost the host inside the cluster's VPC, null when the API reports none
 * @param createdAt   ISO-8601 creation time as the API writes it, for picking the oldest of several matches
 */
public record DatabaseView(String id, String name, String engine, String version, String region, String size,
                           int numNodes, String status, String host, int port, String privateHost, String database,
                           String user, String privateNetworkUuid, String createdAt) {

    /** Reads the {@code database} object of an API answer, leaving out every credential. */
    public static DatabaseView of(JsonNode db) {
        JsonNode connection = db.path("connection");
        String privateHost = db.path("private_connection").path("host").asText("");
        return new DatabaseView(db.path("id").asText(), db.path("name").asText(), db.path("engine").asText(),
                db.path("version").asText(), db.path("region").asText(), db.path("size").asText(),
                db.path("num_nodes").asInt(), db.path("status").asText(), connection.path("host").asText(),
                connection.path("port").asInt(), privateHost.isEmpty() ? null : privateHost,
                connection.path("database").asText(), connection.path("user").asText(),
                db.path("private_network_uuid").asText(null), db.path("created_at").asText(""));
    }

    /**
     * The body of {@code POST /v2/databases}.
     *
     * @param privateNetworkUuid the VPC to join, or null for the region's default VPC
     */
    public static ObjectNode request(ObjectMapper json, String name, String engine, String version, String region,
            String size, int numNodes, List<String> tags, String privateNetworkUuid) {
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        body.put("engine", engine);
        body.put("version", version);
        body.put("region", region);
        body.put("size", size);
        body.put("num_nodes", numNodes);
        tags.forEach(body.putArray("tags")::add);
        if (privateNetworkUuid != null) {
            body.put("private_network_uuid", privateNetworkUuid);
        }
        return body;
    }
}
