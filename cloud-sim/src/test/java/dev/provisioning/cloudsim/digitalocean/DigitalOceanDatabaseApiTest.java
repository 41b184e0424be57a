package dev.provisioning.cloudsim.digitalocean;

import static dev.provisioning.cloudsim.digitalocean.DigitalOceanLoadBalancerSdkTest.bearer;
import static dev.provisioning.cloudsim.digitalocean.DigitalOceanLoadBalancerSdkTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.state.DigitalOceanDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DigitalOcean managed database clusters and read-only replicas over plain HTTP (the myjeeva SDK has neither). */
class DigitalOceanDatabaseApiTest {

    private static final Duration DELAY = Duration.ofMillis(200);

    private static CloudSim sim;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withDatabaseDelay(DELAY));
        http = new RawHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        http.send("POST", "/_sim/reset", null);
        sim.reconfigure(c -> c.withDatabaseDelay(DELAY));
    }

    @Test
    void aClusterIsCreatingThenOnlineWithItsConnectionDetails() throws Exception {
        HttpResponse<String> created = createCluster("{\"name\":\"backend\",\"engine\":\"pg\",\"version\":\"16\","
                + "\"region\":\"nyc3\",\"size\":\"db-s-2vcpu-4gb\",\"num_nodes\":2,\"tags\":[\"production\"]}");

        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("ratelimit-remaining").isPresent());
        JsonNode db = json(created).path("database");
        String id = db.path("id").asText();
        assertEquals(36, id.length(), "a uuid");
        assertEquals("creating", db.path("status").asText());
        assertEquals("backend", db.path("name").asText());
        assertEquals("pg", db.path("engine").asText());
        assertEquals("16", db.path("version").asText());
        assertEquals("nyc3", db.path("region").asText());
        assertEquals("db-s-2vcpu-4gb", db.path("size").asText());
        assertEquals(2, db.path("num_nodes").asInt());
        assertEquals("production", db.path("tags").get(0).asText());
        assertEquals("defaultdb", db.path("db_names").get(0).asText());
        assertFalse(db.path("created_at").asText().isEmpty());
        String nyc3Default = sim.state().digitalOceanDatabases().get(0).privateNetworkUuid();
        assertEquals(nyc3Default, db.path("private_network_uuid").asText(), "the region's default VPC");

        DigitalOceanDatabase stored = sim.state().digitalOceanDatabases().get(0);
        JsonNode connection = db.path("connection");
        assertEquals("postgresql", connection.path("protocol").asText());
        assertEquals(stored.host(), connection.path("host").asText());
        assertTrue(stored.host().startsWith("backend-"), stored.host());
        assertEquals(25060, connection.path("port").asInt());
        assertEquals("doadmin", connection.path("user").asText());
        assertEquals("defaultdb", connection.path("database").asText());
        assertEquals(stored.password(), connection.path("password").asText());
        assertTrue(connection.path("ssl").asBoolean());
        assertEquals("postgresql://doadmin:" + stored.password() + "@" + stored.host() + ":25060/defaultdb?sslmode=require",
                connection.path("uri").asText());
        JsonNode privateConnection = db.path("private_connection");
        assertEquals("private-" + stored.host(), privateConnection.path("host").asText());
        assertEquals(25060, privateConnection.path("port").asInt());
        assertTrue(db.has("standby_connection"), "a two-node cluster has a standby");
        assertEquals("doadmin", db.path("users").get(0).path("name").asText());
        assertEquals("primary", db.path("users").get(0).path("role").asText());

        assertEquals("online", awaitOnline(id).path("status").asText());
        assertEquals(DigitalOceanDatabase.Status.ONLINE, sim.state().digitalOceanDatabases().get(0).status());

        assertEquals(204, http.send("DELETE", "/v2/databases/" + id, null, bearer()).statusCode());
        HttpResponse<String> gone = http.get("/v2/databases/" + id, bearer());
        assertEquals(404, gone.statusCode());
        assertEquals("not_found", json(gone).path("id").asText());
        assertEquals(404, http.send("DELETE", "/v2/databases/" + id, null, bearer()).statusCode());
        assertTrue(sim.state().digitalOceanDatabases().isEmpty());
    }

    @Test
    void theVersionDefaultsToTheNewestAndASingleNodeHasNoStandby() {
        JsonNode db = json(createCluster("{\"name\":\"solo\",\"engine\":\"pg\",\"region\":\"fra1\","
                + "\"size\":\"db-s-1vcpu-1gb\",\"num_nodes\":1}")).path("database");

        assertEquals("17", db.path("version").asText());
        assertFalse(db.has("standby_connection"));
        assertEquals(0, db.path("tags").size());
    }

    @Test
    void unknownValuesAreUnprocessableAndNamed() {
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-99vcpu-1tb\","
                + "\"num_nodes\":1}", "db-s-99vcpu-1tb");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"region\":\"nyc9\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":1}", "nyc9");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"region\":\"nyc2\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":1}", "nyc2");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"oracle\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":1}", "oracle");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":4}", "num_nodes 4");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":0}", "num_nodes 0");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"version\":\"9\",\"region\":\"nyc3\","
                + "\"size\":\"db-s-1vcpu-2gb\",\"num_nodes\":1}", "'9'");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-1gb\","
                + "\"num_nodes\":2}", "db-s-1vcpu-1gb");
        assertRejected("{\"name\":\"Not_Valid\",\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":1}", "Not_Valid");
        assertRejected("{\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-2gb\",\"num_nodes\":1}", "name");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-2gb\"}",
                "num_nodes");
        assertRejected("{\"name\":\"a1b\",\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":1,\"tags\":[\"bad tag\"]}", "bad tag");
        assertTrue(sim.state().digitalOceanDatabases().isEmpty());

        assertEquals(201, createCluster(pgCluster("taken", "nyc3")).statusCode());
        assertRejected(pgCluster("taken", "fra1"), "taken");

        HttpResponse<String> anonymous = http.postJson("/v2/databases", pgCluster("anon", "nyc3"));
        assertEquals(401, anonymous.statusCode());
        assertEquals("unauthorized", json(anonymous).path("id").asText());
        assertEquals(404, http.get("/v2/databases/5a4981aa-9653-4bd1-bef5-d6bff52042e4", bearer()).statusCode());
    }

    @Test
    void theClusterJoinsTheNamedVpcOfItsRegionOnly() {
        String fra1Vpc = json(http.postJson("/v2/vpcs", "{\"name\":\"db-net\",\"region\":\"fra1\","
                + "\"ip_range\":\"10.60.0.0/24\"}", bearer())).path("vpc").path("id").asText();

        assertRejected("{\"name\":\"wrong-region\",\"engine\":\"pg\",\"region\":\"nyc3\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":1,\"private_network_uuid\":\"" + fra1Vpc + "\"}", fra1Vpc);
        assertRejected("{\"name\":\"no-vpc\",\"engine\":\"pg\",\"region\":\"fra1\",\"size\":\"db-s-1vcpu-2gb\","
                + "\"num_nodes\":1,\"private_network_uuid\":\"5a4981aa-9653-4bd1-bef5-d6bff52042e4\"}",
                "5a4981aa-9653-4bd1-bef5-d6bff52042e4");

        JsonNode db = json(createCluster("{\"name\":\"in-vpc\",\"engine\":\"pg\",\"region\":\"fra1\","
                + "\"size\":\"db-s-1vcpu-2gb\",\"num_nodes\":1,\"private_network_uuid\":\"" + fra1Vpc + "\"}"))
                .path("database");
        assertEquals(fra1Vpc, db.path("private_network_uuid").asText());

        JsonNode members = json(http.get("/v2/vpcs/" + fra1Vpc + "/members?resource_type=database", bearer()));
        assertEquals("do:dbaas:" + db.path("id").asText(), members.path("members").get(0).path("urn").asText());
        assertEquals(403, http.send("DELETE", "/v2/vpcs/" + fra1Vpc, null, bearer()).statusCode(),
                "a VPC holding a database cannot be deleted");
        assertEquals(204, http.send("DELETE", "/v2/databases/" + db.path("id").asText(), null, bearer()).statusCode());
        assertEquals(204, http.send("DELETE", "/v2/vpcs/" + fra1Vpc, null, bearer()).statusCode());
    }

    @Test
    void listsFilterByTagAndPaginate() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, createCluster("{\"name\":\"db-" + i + "\",\"engine\":\"pg\",\"region\":\"nyc3\","
                    + "\"size\":\"db-s-1vcpu-2gb\",\"num_nodes\":1,\"tags\":[\"team:" + (i == 2 ? "b" : "a")
                    + "\"]}").statusCode());
        }

        JsonNode first = json(http.get("/v2/databases?per_page=2", bearer()));
        assertEquals(3, first.path("meta").path("total").asInt());
        assertEquals(List.of("db-1", "db-2"), names(first));
        assertTrue(first.path("links").path("pages").path("next").asText().contains("page=2"));
        assertTrue(first.path("links").path("pages").path("last").asText().contains("page=2"));
        JsonNode second = json(http.get("/v2/databases?page=2&per_page=2", bearer()));
        assertEquals(List.of("db-3"), names(second));
        assertTrue(second.path("links").path("pages").path("first").asText().contains("page=1"));
        assertTrue(second.path("links").path("pages").path("next").isMissingNode());

        JsonNode tagged = json(http.get("/v2/databases?tag_name=team:a", bearer()));
        assertEquals(List.of("db-1", "db-3"), names(tagged));
        assertEquals(2, tagged.path("meta").path("total").asInt());
        assertEquals(0, json(http.get("/v2/databases?tag_name=nobody", bearer())).path("databases").size());
    }

    @Test
    void theOptionsListEnginesRegionsVersionsAndLayouts() {
        JsonNode pg = json(http.get("/v2/databases/options", bearer())).path("options").path("pg");

        assertTrue(texts(pg.path("regions")).contains("nyc3"));
        assertFalse(texts(pg.path("regions")).contains("nyc2"), "unavailable regions offer nothing");
        assertTrue(texts(pg.path("versions")).contains("16"));
        JsonNode layouts = pg.path("layouts");
        assertEquals(3, layouts.size());
        assertEquals(1, layouts.get(0).path("num_nodes").asInt());
        assertTrue(texts(layouts.get(0).path("sizes")).contains("db-s-1vcpu-1gb"));
        assertFalse(texts(layouts.get(1).path("sizes")).contains("db-s-1vcpu-1gb"));
        assertTrue(texts(layouts.get(2).path("sizes")).contains("db-s-2vcpu-4gb"));
        assertEquals(405, http.send("DELETE", "/v2/databases/options", null, bearer()).statusCode());
    }

    @Test
    void readOnlyReplicasFollowAnOnlineCluster() throws Exception {
        String id = json(createCluster(pgCluster("primary-db", "nyc3"))).path("database").path("id").asText();
        String replicas = "/v2/databases/" + id + "/replicas";
        HttpResponse<String> tooEarly = http.postJson(replicas, "{\"name\":\"read-1\"}", bearer());
        assertEquals(422, tooEarly.statusCode());
        assertTrue(json(tooEarly).path("message").asText().contains("creating"), tooEarly.body());
        awaitOnline(id);

        HttpResponse<String> created = http.postJson(replicas, "{\"name\":\"read-1\",\"region\":\"fra1\","
                + "\"size\":\"db-s-2vcpu-4gb\",\"tags\":[\"reader\"]}", bearer());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode replica = json(created).path("replica");
        assertEquals("read-1", replica.path("name").asText());
        assertEquals("fra1", replica.path("region").asText());
        assertEquals("creating", replica.path("status").asText());
        DigitalOceanDatabase cluster = sim.state().digitalOceanDatabases().get(0);
        assertEquals(cluster.password(), replica.path("connection").path("password").asText());
        assertEquals(DigitalOceanDatabase.publicHost("read-1"), replica.path("connection").path("host").asText());
        assertEquals(DigitalOceanDatabase.privateHost("read-1"),
                replica.path("private_connection").path("host").asText());
        assertEquals(201, http.postJson(replicas, "{\"name\":\"read-2\"}", bearer()).statusCode());

        assertRejectedAt(replicas, "{\"name\":\"read-1\"}", "read-1");
        assertRejectedAt(replicas, "{\"name\":\"small\",\"size\":\"db-s-1vcpu-1gb\"}", "db-s-1vcpu-1gb");
        assertRejectedAt(replicas, "{\"name\":\"far\",\"region\":\"nyc9\"}", "nyc9");
        assertRejectedAt(replicas, "{\"region\":\"nyc3\"}", "name");

        JsonNode listed = json(http.get(replicas, bearer()));
        assertEquals(List.of("read-1", "read-2"), texts(listed.path("replicas"), "name"));
        assertEquals("online", awaitReplicaOnline(replicas + "/read-1").path("status").asText());
        assertEquals("nyc3", json(http.get(replicas + "/read-2", bearer())).path("replica").path("region").asText());
        assertEquals(cluster.privateNetworkUuid(), json(http.get(replicas + "/read-2", bearer())).path("replica")
                .path("private_network_uuid").asText(), "a replica in the cluster's region joins the cluster's VPC");

        assertEquals(204, http.send("DELETE", replicas + "/read-1", null, bearer()).statusCode());
        assertEquals(404, http.get(replicas + "/read-1", bearer()).statusCode());
        assertEquals(404, http.send("DELETE", replicas + "/read-1", null, bearer()).statusCode());
        assertEquals(1, sim.state().digitalOceanDatabaseReplicas().size());

        assertEquals(204, http.send("DELETE", "/v2/databases/" + id, null, bearer()).statusCode());
        assertTrue(sim.state().digitalOceanDatabaseReplicas().isEmpty(), "replicas go with their cluster");
        assertEquals(404, http.get(replicas, bearer()).statusCode());
    }

    @Test
    void resetForgetsClustersAndTheirPendingTransitions() throws Exception {
        sim.reconfigure(c -> c.withDatabaseDelay(Duration.ofMillis(300)));
        createCluster(pgCluster("short-lived", "nyc3"));

        assertEquals(204, http.send("POST", "/_sim/reset", null).statusCode());
        assertTrue(sim.state().digitalOceanDatabases().isEmpty());
        String id = json(createCluster(pgCluster("short-lived", "nyc3"))).path("database").path("id").asText();
        Thread.sleep(150);
        assertEquals("creating", json(http.get("/v2/databases/" + id, bearer())).path("database").path("status")
                .asText(), "the transition scheduled before the reset does not touch the new cluster");
        awaitOnline(id);
    }

    @Test
    void theDelayIsConfigurableAtRuntimeAndTheStateDumpListsClusters() throws Exception {
        HttpResponse<String> updated = http.send("PUT", "/_sim/config", "{\"databaseDelayMs\":0}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(0, json(updated).path("databaseDelayMs").asInt());
        String id = json(createCluster(pgCluster("quick", "sgp1"))).path("database").path("id").asText();
        Thread.sleep(100);
        assertEquals("online", json(http.get("/v2/databases/" + id, bearer())).path("database").path("status").asText());

        JsonNode state = json(http.get("/_sim/state"));
        assertEquals("quick", state.path("digitalOceanDatabases").get(0).path("name").asText());
        assertTrue(state.path("digitalOceanDatabaseReplicas").isArray());
    }

    private static String pgCluster(String name, String region) {
        return "{\"name\":\"" + name + "\",\"engine\":\"pg\",\"version\":\"16\",\"region\":\"" + region
                + "\",\"size\":\"db-s-2vcpu-4gb\",\"num_nodes\":1}";
    }

    private static HttpResponse<String> createCluster(String body) {
        return http.postJson("/v2/databases", body, bearer());
    }

    private static void assertRejected(String body, String named) {
        assertRejectedAt("/v2/databases", body, named);
    }

    private static void assertRejectedAt(String path, String body, String named) {
        HttpResponse<String> response = http.postJson(path, body, bearer());
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("unprocessable_entity", json(response).path("id").asText());
        assertTrue(json(response).path("message").asText().contains(named), response.body());
    }

    private static JsonNode awaitOnline(String id) throws Exception {
        return await("/v2/databases/" + id, "database");
    }

    private static JsonNode awaitReplicaOnline(String path) throws Exception {
        return await(path, "replica");
    }

    private static JsonNode await(String path, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            JsonNode current = json(http.get(path, bearer())).path(key);
            if (current.path("status").asText().equals("online")) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " still " + current.path("status").asText());
            }
            Thread.sleep(25);
        }
    }

    private static List<String> names(JsonNode list) {
        return texts(list.path("databases"), "name");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
