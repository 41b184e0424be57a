package dev.provisioning.cloudsim.hetzner;

import static dev.provisioning.cloudsim.hetzner.HetznerApiTest.AUTH;
import static dev.provisioning.cloudsim.hetzner.HetznerApiTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.state.HetznerNetwork;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hetzner network actions over plain HTTP: subnets and routes added and removed, and Hetzner's refusals. */
class HetznerNetworkActionsApiTest {

    static CloudSim sim;
    static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withServerBootDelay(Duration.ofMillis(150)));
        http = new RawHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void anAddedSubnetShowsAtOnceAndItsActionRunsThenSucceeds() throws Exception {
        long network = network("10.44.0.0/16");

        HttpResponse<String> added = action(network, "add_subnet",
                "{\"type\": \"cloud\", \"network_zone\": \"eu-central\", \"ip_range\": \"10.44.1.0/24\","
                        + " \"gateway\": \"\"}");

        assertEquals(201, added.statusCode(), added.body());
        JsonNode action = json(added).path("action");
        assertEquals("add_subnet", action.path("command").asText());
        assertEquals("running", action.path("status").asText());
        assertEquals(0, action.path("progress").asInt());
        assertTrue(action.path("finished").isNull());
        assertEquals(network, action.path("resources").get(0).path("id").asLong());
        assertEquals("network", action.path("resources").get(0).path("type").asText());
        JsonNode subnet = networkJson(network).path("subnets").get(0);
        assertEquals("cloud", subnet.path("type").asText());
        assertEquals("10.44.1.0/24", subnet.path("ip_range").asText());
        assertEquals("eu-central", subnet.path("network_zone").asText());
        assertEquals("10.44.0.1", subnet.path("gateway").asText());
        assertTrue(subnet.path("vswitch_id").isNull());

        long actionId = action.path("id").asLong();
        JsonNode done = awaitAction(actionId);
        assertEquals(100, done.path("progress").asInt());
        assertTrue(done.path("finished").isTextual());
        JsonNode listed = get("/v1/networks/" + network + "/actions");
        assertEquals(actionId, listed.path("actions").get(0).path("id").asLong());
    }

    @Test
    void withoutARangeTheFirstFreeSlash24IsTaken() throws Exception {
        long network = network("10.50.0.0/16");
        assertEquals(201, action(network, "add_subnet",
                cloud("10.50.0.0/24")).statusCode());

        assertEquals(201, action(network, "add_subnet",
                "{\"type\": \"cloud\", \"network_zone\": \"us-east\"}").statusCode());
        assertEquals(201, action(network, "add_subnet",
                "{\"type\": \"server\", \"network_zone\": \"eu-central\", \"ip_range\": null}").statusCode());

        assertEquals(List.of("10.50.0.0/24", "10.50.1.0/24", "10.50.2.0/24"), ranges(network));
        HetznerNetwork stored = sim.state().hetznerNetworks().get(0);
        assertEquals("us-east", stored.subnets().get(1).networkZone());

        long small = network("10.60.0.0/24");
        assertEquals(201, action(small, "add_subnet", "{\"type\": \"cloud\", \"network_zone\": \"eu-central\"}")
                .statusCode());
        assertEquals(List.of("10.60.0.0/24"), ranges(small));
        assertInvalid(action(small, "add_subnet", "{\"type\": \"cloud\", \"network_zone\": \"eu-central\"}"),
                "ip_range");
    }

    @Test
    void invalidOverlappingAndOutsideSubnetsAreRefused() throws Exception {
        long network = network("10.44.0.0/16");
        assertEquals(201, action(network, "add_subnet",
                cloud("10.44.1.0/24")).statusCode());

        assertInvalid(action(network, "add_subnet",
                cloud("10.44.1.128/25")), "ip_range");
        assertInvalid(action(network, "add_subnet",
                cloud("10.44.0.0/20")), "ip_range");
        assertInvalid(action(network, "add_subnet",
                cloud("10.45.0.0/24")), "ip_range");
        assertInvalid(action(network, "add_subnet",
                cloud("10.44.2.0/31")), "ip_range");
        assertInvalid(action(network, "add_subnet",
                cloud("10.44.2.1/24")), "ip_range");
        assertInvalid(action(network, "add_subnet",
                "{\"type\": \"galaxy\", \"network_zone\": \"eu-central\"}"), "type");
        assertInvalid(action(network, "add_subnet", "{\"network_zone\": \"eu-central\"}"), "type");
        assertInvalid(action(network, "add_subnet", "{\"type\": \"cloud\", \"network_zone\": \"mars\"}"),
                "network_zone");
        assertInvalid(action(network, "add_subnet", "{\"type\": \"cloud\"}"), "network_zone");
        assertInvalid(action(network, "add_subnet",
                "{\"type\": \"vswitch\", \"network_zone\": \"eu-central\", \"ip_range\": \"10.44.9.0/24\"}"),
                "vswitch_id");
        assertInvalid(action(network, "add_subnet",
                "{\"type\": \"cloud\", \"network_zone\": \"eu-central\", \"vswitch_id\": 7}"), "vswitch_id");
        assertInvalid(action(network, "add_subnet",
                "{\"type\": \"cloud\", \"network_zone\": \"eu-central\", \"gateway\": \"10.99.0.1\"}"), "gateway");
        assertEquals(List.of("10.44.1.0/24"), ranges(network));

        HttpResponse<String> missing = action(10_400_000, "add_subnet",
                "{\"type\": \"cloud\", \"network_zone\": \"eu-central\"}");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", json(missing).path("error").path("code").asText());
        assertEquals(404, action(network, "teleport", "{}").statusCode());
    }

    @Test
    void aVswitchIsCoupledToOneNetworkOnly() {
        long first = network("10.44.0.0/16");
        long second = network("10.70.0.0/16");
        HttpResponse<String> coupled = action(first, "add_subnet",
                vswitch("10.44.9.0/24", 1234));
        assertEquals(201, coupled.statusCode(), coupled.body());
        assertEquals(1234, networkJson(first).path("subnets").get(0).path("vswitch_id").asLong());

        HttpResponse<String> again = action(second, "add_subnet",
                vswitch("10.70.9.0/24", 1234));
        assertEquals("vswitch_id_already_used", json(again).path("error").path("code").asText(), again.body());
    }

    @Test
    void subnetsAreDeletedUnlessServersUseThem() throws Exception {
        long network = network("10.44.0.0/16");
        action(network, "add_subnet",
                cloud("10.44.1.0/24"));
        action(network, "add_subnet",
                cloud("10.44.2.0/24"));
        HttpResponse<String> server = http.postJson("/v1/servers", "{\"name\": \"app-1\", \"server_type\": "
                + "\"cpx22\", \"image\": \"ubuntu-24.04\", \"location\": \"nbg1\", \"networks\": [" + network + "]}",
                AUTH);
        assertEquals(201, server.statusCode(), server.body());

        assertInvalid(action(network, "delete_subnet", "{\"ip_range\": \"10.44.1.0/24\"}"), "ip_range");
        assertInvalid(action(network, "delete_subnet", "{\"ip_range\": \"10.44.3.0/24\"}"), "ip_range");
        assertInvalid(action(network, "delete_subnet", "{}"), "ip_range");

        HttpResponse<String> deleted = action(network, "delete_subnet", "{\"ip_range\": \"10.44.2.0/24\"}");
        assertEquals(201, deleted.statusCode(), deleted.body());
        assertEquals("delete_subnet", json(deleted).path("action").path("command").asText());
        assertEquals(List.of("10.44.1.0/24"), ranges(network));
        awaitAction(json(deleted).path("action").path("id").asLong());
    }

    @Test
    void routesAreAddedCheckedAndDeleted() throws Exception {
        long network = network("10.44.0.0/16");
        action(network, "add_subnet",
                cloud("10.44.1.0/24"));

        HttpResponse<String> added = action(network, "add_route",
                "{\"destination\": \"10.100.1.0/24\", \"gateway\": \"10.44.1.10\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertEquals("add_route", json(added).path("action").path("command").asText());
        JsonNode route = networkJson(network).path("routes").get(0);
        assertEquals("10.100.1.0/24", route.path("destination").asText());
        assertEquals("10.44.1.10", route.path("gateway").asText());

        assertInvalid(action(network, "add_route", "{\"destination\": \"10.100.1.0/25\", \"gateway\": \"10.44.1.10\"}"),
                "destination");
        assertInvalid(action(network, "add_route", "{\"destination\": \"10.44.1.0/24\", \"gateway\": \"10.44.1.10\"}"),
                "destination");
        assertInvalid(action(network, "add_route", "{\"destination\": \"8.8.8.0/24\", \"gateway\": \"10.44.1.10\"}"),
                "destination");
        assertInvalid(action(network, "add_route", "{\"destination\": \"10.101.0.0/24\", \"gateway\": \"10.44.0.1\"}"),
                "gateway");
        assertInvalid(action(network, "add_route", "{\"destination\": \"10.101.0.0/24\", \"gateway\": \"10.99.0.5\"}"),
                "gateway");
        assertInvalid(action(network, "add_subnet",
                cloud("10.100.1.0/24")), "ip_range");

        assertInvalid(action(network, "delete_route",
                "{\"destination\": \"10.100.1.0/24\", \"gateway\": \"10.44.1.11\"}"), "destination");
        HttpResponse<String> deleted = action(network, "delete_route",
                "{\"destination\": \"10.100.1.0/24\", \"gateway\": \"10.44.1.10\"}");
        assertEquals(201, deleted.statusCode(), deleted.body());
        assertTrue(networkJson(network).path("routes").isEmpty());
        awaitAction(json(deleted).path("action").path("id").asLong());
    }

    @Test
    void serversAreNotAddressedFromVswitchSubnets() {
        long network = network("10.44.0.0/16");
        action(network, "add_subnet",
                vswitch("10.44.0.0/24", 9));
        action(network, "add_subnet",
                cloud("10.44.5.0/24"));

        HttpResponse<String> server = http.postJson("/v1/servers", "{\"name\": \"app-1\", \"server_type\": "
                + "\"cpx22\", \"image\": \"ubuntu-24.04\", \"location\": \"nbg1\", \"networks\": [" + network + "]}",
                AUTH);

        assertEquals(201, server.statusCode(), server.body());
        assertTrue(json(server).path("server").path("private_net").get(0).path("ip").asText().startsWith("10.44.5."));
    }

    private static String cloud(String ipRange) {
        return "{\"type\": \"cloud\", \"network_zone\": \"eu-central\", \"ip_range\": \"" + ipRange + "\"}";
    }

    private static String vswitch(String ipRange, long vswitchId) {
        return "{\"type\": \"vswitch\", \"network_zone\": \"eu-central\", \"ip_range\": \"" + ipRange
                + "\", \"vswitch_id\": " + vswitchId + "}";
    }

    private static JsonNode get(String path) {
        HttpResponse<String> response = http.get(path, AUTH);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonNode created(String path, String body) {
        HttpResponse<String> response = http.postJson(path, body, AUTH);
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    private static long network(String ipRange) {
        return created("/v1/networks", "{\"name\": \"net-" + ipRange.replace('/', '-')
                + "\", \"ip_range\": \"" + ipRange + "\"}").path("network").path("id").asLong();
    }

    private static HttpResponse<String> action(long network, String command, String body) {
        return http.postJson("/v1/networks/" + network + "/actions/" + command, body, AUTH);
    }

    private static JsonNode networkJson(long network) {
        return get("/v1/networks/" + network).path("network");
    }

    private static List<String> ranges(long network) {
        List<String> ranges = new ArrayList<>();
        networkJson(network).path("subnets").forEach(s -> ranges.add(s.path("ip_range").asText()));
        return ranges;
    }

    private static void assertInvalid(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = json(response).path("error");
        assertEquals("invalid_input", error.path("code").asText(), response.body());
        assertEquals(field, error.path("details").path("fields").get(0).path("name").asText(), response.body());
    }

    private static JsonNode awaitAction(long actionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            JsonNode action = get("/v1/actions?id=" + actionId).path("actions").get(0);
            if (action.path("status").asText().equals("success")) {
                return action;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("action " + actionId + " is still " + action);
            }
            Thread.sleep(20);
        }
    }
}
