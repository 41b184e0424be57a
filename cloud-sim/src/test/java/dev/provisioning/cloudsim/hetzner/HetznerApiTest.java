package dev.provisioning.cloudsim.hetzner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.state.HetznerServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Hetzner Cloud API over plain HTTP: shapes, errors, pagination, asynchronous boot and prices. */
class HetznerApiTest {

    static final String[] AUTH = {"Authorization", "Bearer test-token"};
    static CloudSim sim;
    static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withServerBootDelay(Duration.ofMillis(200)));
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

    static JsonNode json(HttpResponse<String> response) {
        return SimJson.read(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    static JsonNode get(String path) {
        HttpResponse<String> response = http.get(path, AUTH);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    static HttpResponse<String> post(String path, String body) {
        return http.postJson(path, body, AUTH);
    }

    static JsonNode created(String path, String body) {
        HttpResponse<String> response = post(path, body);
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    @Test
    void requestsWithoutABearerTokenAreUnauthorized() {
        HttpResponse<String> response = http.get("/v1/servers");

        assertEquals(401, response.statusCode());
        assertEquals("unauthorized", json(response).path("error").path("code").asText());
        assertFalse(json(response).path("error").path("message").asText().isEmpty());
        assertEquals("3600", response.headers().firstValue("RateLimit-Limit").orElseThrow());
    }

    @Test
    void locationsCarryTheirNetworkZones() {
        JsonNode locations = get("/v1/locations").path("locations");

        List<String> names = new ArrayList<>();
        locations.forEach(l -> names.add(l.path("name").asText() + ":" + l.path("network_zone").asText()));
        assertEquals(List.of("fsn1:eu-central", "nbg1:eu-central", "hel1:eu-central", "ash:us-east", "hil:us-west",
                "sin:ap-southeast"), names);
        assertEquals("nbg1", get("/v1/locations?name=nbg1").path("locations").get(0).path("name").asText());
    }

    @Test
    void cpx21IsDeprecatedInFavourOfCpx22() {
        JsonNode cpx21 = get("/v1/server_types?name=cpx21").path("server_types").get(0);

        assertTrue(cpx21.path("deprecated").asBoolean());
        assertEquals("2025-10-16T06:00:00+00:00", cpx21.path("deprecation").path("announced").asText());
        assertFalse(cpx21.path("deprecation").path("unavailable_after").asText().isEmpty());
        assertEquals(3, cpx21.path("cores").asInt());
        JsonNode cpx22 = get("/v1/server_types?name=cpx22").path("server_types").get(0);
        assertTrue(cpx22.path("deprecation").isNull());
        List<String> types = new ArrayList<>();
        get("/v1/server_types").path("server_types").forEach(t -> types.add(t.path("name").asText()));
        assertTrue(types.containsAll(List.of("cx22", "cx32", "cpx11", "cpx21", "cpx22", "cpx31", "cpx32", "cax11")));
    }

    @Test
    void theSeedsEuRegionCostsAboutSeventyTwoEurosSeventy() {
        JsonNode pricing = get("/v1/pricing").path("pricing");
        assertEquals("EUR", pricing.path("currency").asText());

        BigDecimal server = monthlyNet(pricing.path("server_types"), "cpx21", "nbg1");
        BigDecimal lb = monthlyNet(pricing.path("load_balancer_types"), "lb11", "nbg1");
        BigDecimal perGb = new BigDecimal(pricing.path("volume").path("price_per_gb_month").path("net").asText());

        assertEquals(0, new BigDecimal("20.90").compareTo(server));
        assertEquals(0, new BigDecimal("5.39").compareTo(lb));
        assertEquals(0, new BigDecimal("0.044").compareTo(perGb));
        BigDecimal total = server.multiply(BigDecimal.valueOf(3)).add(lb).add(perGb.multiply(BigDecimal.valueOf(100)));
        assertTrue(total.subtract(new BigDecimal("72.70")).abs().compareTo(new BigDecimal("0.50")) < 0, total.toString());
        JsonNode gross = pricing.path("server_types").findValue("price_monthly").path("gross");
        assertFalse(gross.asText().isEmpty());
    }

    static BigDecimal monthlyNet(JsonNode types, String name, String location) {
        for (JsonNode type : types) {
            if (type.path("name").asText().equals(name)) {
                for (JsonNode price : type.path("prices")) {
                    if (price.path("location").asText().equals(location)) {
                        return new BigDecimal(price.path("price_monthly").path("net").asText());
                    }
                }
            }
        }
        throw new AssertionError(name + " has no price in " + location);
    }

    @Test
    void aServerBootsAndItsCreateActionSucceeds() throws Exception {
        JsonNode body = created("/v1/servers", "{\"name\":\"web-1\",\"server_type\":\"cpx22\",\"image\":\"ubuntu-24.04\","
                + "\"location\":\"nbg1\",\"labels\":{\"app\":\"web\",\"tier\":\"front\"}}");

        JsonNode server = body.path("server");
        assertEquals("initializing", server.path("status").asText());
        assertEquals("create_server", body.path("action").path("command").asText());
        assertEquals("running", body.path("action").path("status").asText());
        assertTrue(body.path("next_actions").isArray());
        assertFalse(body.path("root_password").asText().isEmpty());
        assertEquals("nbg1", server.path("datacenter").path("location").path("name").asText());
        assertNotNull(server.path("public_net").path("ipv4").path("ip").asText(null));
        long actionId = body.path("action").path("id").asLong();

        String status = "";
        for (int i = 0; i < 50 && !status.equals("success"); i++) {
            Thread.sleep(50);
            status = get("/v1/actions?id=" + actionId).path("actions").get(0).path("status").asText();
        }
        assertEquals("success", status);
        assertEquals("success", get("/v1/actions/" + actionId).path("action").path("status").asText());
        long id = server.path("id").asLong();
        assertEquals("running", get("/v1/servers/" + id).path("server").path("status").asText());
        assertEquals(HetznerServer.class, sim.state().hetznerServers().get(0).getClass());
        assertEquals("running", sim.state().hetznerServersLabelled("app", "web").get(0).status());
    }

    @Test
    void aDuplicateNameIsAUniquenessError() {
        String server = "{\"name\":\"dup\",\"server_type\":\"cx22\",\"image\":\"debian-12\",\"location\":\"fsn1\"}";
        created("/v1/servers", server);

        HttpResponse<String> second = post("/v1/servers", server);

        assertEquals(409, second.statusCode());
        assertEquals("uniqueness_error", json(second).path("error").path("code").asText());
        assertEquals(1, sim.state().hetznerServers().size());
    }

    @Test
    void anUnknownServerTypeIsInvalidInputNamingTheField() {
        HttpResponse<String> response = post("/v1/servers",
                "{\"name\":\"x\",\"server_type\":\"cpx99\",\"image\":\"ubuntu-24.04\",\"location\":\"nbg1\"}");

        assertEquals(400, response.statusCode());
        JsonNode error = json(response).path("error");
        assertEquals("invalid_input", error.path("code").asText());
        assertEquals("server_type", error.path("details").path("fields").get(0).path("name").asText());
        assertTrue(sim.state().hetznerServers().isEmpty());
    }

    @Test
    void serversAreFilteredByNameAndLabelSelector() {
        created("/v1/servers", "{\"name\":\"a\",\"server_type\":\"cx22\",\"image\":\"ubuntu-24.04\",\"labels\":{\"env\":\"prod\"}}");
        created("/v1/servers", "{\"name\":\"b\",\"server_type\":\"cx22\",\"image\":\"ubuntu-24.04\",\"labels\":{\"env\":\"dev\"}}");
        created("/v1/servers", "{\"name\":\"c\",\"server_type\":\"cx22\",\"image\":\"ubuntu-24.04\"}");

        assertEquals(1, get("/v1/servers?label_selector=env=prod").path("servers").size());
        assertEquals(2, get("/v1/servers?label_selector=env").path("servers").size());
        assertEquals(1, get("/v1/servers?label_selector=!env").path("servers").size());
        assertEquals("b", get("/v1/servers?name=b").path("servers").get(0).path("name").asText());
        assertEquals(0, get("/v1/servers?name=zzz").path("servers").size());
    }

    @Test
    void theLastPageHasNoNextPage() {
        for (int i = 0; i < 3; i++) {
            created("/v1/networks", "{\"name\":\"net-" + i + "\",\"ip_range\":\"10." + i + ".0.0/16\"}");
        }

        JsonNode first = get("/v1/networks?per_page=2").path("meta").path("pagination");
        JsonNode last = get("/v1/networks?per_page=2&page=2").path("meta").path("pagination");

        assertEquals(2, first.path("next_page").asInt());
        assertTrue(first.path("previous_page").isNull());
        assertTrue(last.has("next_page"));
        assertTrue(last.path("next_page").isNull());
        assertEquals(1, last.path("previous_page").asInt());
        assertEquals(2, last.path("last_page").asInt());
        assertEquals(3, last.path("total_entries").asInt());
        assertTrue(get("/v1/networks").path("meta").path("pagination").path("next_page").isNull());
    }

    @Test
    void serversInANetworkGetAPrivateAddressFromItsSubnet() {
        long network = created("/v1/networks", "{\"name\":\"vswitch\",\"ip_range\":\"10.1.0.0/16\",\"labels\":{\"ws\":\"a\"},"
                + "\"subnets\":[{\"type\":\"cloud\",\"network_zone\":\"eu-central\",\"ip_range\":\"10.1.0.0/24\"}]}")
                .path("network").path("id").asLong();

        JsonNode server = created("/v1/servers", "{\"name\":\"db\",\"server_type\":\"cpx21\",\"image\":\"ubuntu-24.04\","
                + "\"location\":\"nbg1\",\"networks\":[" + network + "]}").path("server");
        long other = created("/v1/servers", "{\"name\":\"db2\",\"server_type\":\"cpx21\",\"image\":\"ubuntu-24.04\","
                + "\"location\":\"nbg1\"}").path("server").path("id").asLong();
        JsonNode attach = created("/v1/servers/" + other + "/actions/attach_to_network", "{\"network\":" + network + "}");

        assertEquals("10.1.0.2", server.path("private_net").get(0).path("ip").asText());
        assertEquals("attach_to_network", attach.path("action").path("command").asText());
        assertEquals("10.1.0.3", get("/v1/servers/" + other).path("server").path("private_net").get(0).path("ip").asText());
        JsonNode read = get("/v1/networks/" + network).path("network");
        assertEquals(2, read.path("servers").size());
        assertEquals("10.1.0.1", read.path("subnets").get(0).path("gateway").asText());
        assertEquals(1, get("/v1/networks?label_selector=ws=a").path("networks").size());
        assertEquals(400, post("/v1/networks", "{\"name\":\"bad\",\"ip_range\":\"8.8.8.0/24\"}").statusCode());

        assertEquals(204, http.send("DELETE", "/v1/networks/" + network, null, AUTH).statusCode());
        assertEquals(404, http.get("/v1/networks/" + network, AUTH).statusCode());
        assertTrue(sim.state().hetznerNetworks().isEmpty());
    }

    @Test
    void loadBalancersTargetServersAndLabelSelectors() {
        long web1 = created("/v1/servers", "{\"name\":\"w1\",\"server_type\":\"cpx11\",\"image\":\"ubuntu-24.04\","
                + "\"labels\":{\"role\":\"web\"}}").path("server").path("id").asLong();
        long web2 = created("/v1/servers", "{\"name\":\"w2\",\"server_type\":\"cpx11\",\"image\":\"ubuntu-24.04\","
                + "\"labels\":{\"role\":\"web\"}}").path("server").path("id").asLong();

        JsonNode body = created("/v1/load_balancers", "{\"name\":\"lb\",\"load_balancer_type\":\"lb11\",\"location\":\"nbg1\","
                + "\"targets\":[{\"type\":\"server\",\"server\":{\"id\":" + web1 + "}}],"
                + "\"services\":[{\"protocol\":\"http\",\"listen_port\":80,\"destination_port\":8080,"
                + "\"health_check\":{\"protocol\":\"http\",\"port\":8080,\"interval\":10,\"timeout\":5,\"retries\":3,"
                + "\"http\":{\"path\":\"/health\"}}}]}");
        long id = body.path("load_balancer").path("id").asLong();
        created("/v1/load_balancers/" + id + "/actions/add_target",
                "{\"type\":\"label_selector\",\"label_selector\":{\"selector\":\"role=web\"}}");
        created("/v1/load_balancers/" + id + "/actions/add_service", "{\"protocol\":\"tcp\",\"listen_port\":443,"
                + "\"destination_port\":443}");

        JsonNode lb = get("/v1/load_balancers/" + id).path("load_balancer");
        assertFalse(lb.path("public_net").path("ipv4").path("ip").asText().isEmpty());
        assertEquals("lb11", lb.path("load_balancer_type").path("name").asText());
        assertEquals(2, lb.path("targets").size());
        assertEquals(web1, lb.path("targets").get(0).path("server").path("id").asLong());
        assertEquals(2, lb.path("targets").get(1).path("targets").size());
        assertEquals("/health", lb.path("services").get(0).path("health_check").path("http").path("path").asText());
        assertEquals(2, lb.path("services").size());
        assertEquals(web2, sim.state().hetznerServers().get(1).id());

        assertEquals(204, http.send("DELETE", "/v1/load_balancers/" + id, null, AUTH).statusCode());
        assertTrue(sim.state().hetznerLoadBalancers().isEmpty());
    }

    @Test
    void volumesAreCreatedAttachedAndDeleted() {
        long server = created("/v1/servers", "{\"name\":\"s\",\"server_type\":\"cpx21\",\"image\":\"ubuntu-24.04\","
                + "\"location\":\"nbg1\"}").path("server").path("id").asLong();
        JsonNode volume = created("/v1/volumes", "{\"name\":\"data\",\"size\":100,\"location\":\"nbg1\",\"format\":\"ext4\","
                + "\"labels\":{\"k\":\"v\"}}").path("volume");

        created("/v1/volumes/" + volume.path("id").asLong() + "/actions/attach", "{\"server\":" + server + "}");

        JsonNode read = get("/v1/volumes?label_selector=k=v").path("volumes").get(0);
        assertEquals(server, read.path("server").asLong());
        assertEquals(100, read.path("size").asInt());
        assertEquals("ext4", read.path("format").asText());
        assertEquals(volume.path("id").asLong(), get("/v1/servers/" + server).path("server").path("volumes").get(0).asLong());
        assertEquals(400, post("/v1/volumes", "{\"name\":\"tiny\",\"size\":1,\"location\":\"nbg1\"}").statusCode());
        assertEquals(204, http.send("DELETE", "/v1/volumes/" + volume.path("id").asLong(), null, AUTH).statusCode());
        assertTrue(sim.state().hetznerVolumes().isEmpty());
    }

    @Test
    void aVolumeIsDetachedAndAttachedAtServerCreation() {
        long volume = created("/v1/volumes", "{\"name\":\"backups\",\"size\":10,\"location\":\"nbg1\"}")
                .path("volume").path("id").asLong();
        long server = created("/v1/servers", "{\"name\":\"db\",\"server_type\":\"cpx21\",\"image\":\"ubuntu-24.04\","
                + "\"location\":\"nbg1\",\"volumes\":[" + volume + "]}").path("server").path("id").asLong();
        assertEquals(server, get("/v1/volumes/" + volume).path("volume").path("server").asLong());
        assertEquals(400, post("/v1/servers", "{\"name\":\"db2\",\"server_type\":\"cpx21\",\"image\":\"ubuntu-24.04\","
                + "\"location\":\"nbg1\",\"volumes\":[" + volume + "]}").statusCode(), "already attached");

        JsonNode action = created("/v1/volumes/" + volume + "/actions/detach", "{}").path("action");

        assertEquals("detach_volume", action.path("command").asText());
        assertEquals("success", action.path("status").asText());
        assertTrue(get("/v1/volumes/" + volume).path("volume").path("server").isNull());
        assertEquals(0, get("/v1/servers/" + server).path("server").path("volumes").size());
        assertEquals(404, post("/v1/volumes/999/actions/detach", "{}").statusCode());
    }

    @Test
    void aServersLabelsAreReplacedByAnUpdate() {
        long id = created("/v1/servers", "{\"name\":\"app\",\"server_type\":\"cpx21\",\"image\":\"ubuntu-24.04\","
                + "\"labels\":{\"app\":\"web\"}}").path("server").path("id").asLong();

        HttpResponse<String> updated = http.send("PUT", "/v1/servers/" + id,
                "{\"labels\":{\"app\":\"web\",\"db-role\":\"replica\"}}", "Content-Type", "application/json",
                AUTH[0], AUTH[1]);

        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("replica", json(updated).path("server").path("labels").path("db-role").asText());
        assertEquals("app", json(updated).path("server").path("name").asText());
        assertEquals(1, get("/v1/servers?label_selector=db-role=replica").path("servers").size());
        HttpResponse<String> renamed = http.send("PUT", "/v1/servers/" + id, "{\"name\":\"app-2\"}",
                "Content-Type", "application/json", AUTH[0], AUTH[1]);
        assertEquals("app-2", json(renamed).path("server").path("name").asText());
        assertEquals("replica", json(renamed).path("server").path("labels").path("db-role").asText());
        assertEquals(404, http.send("PUT", "/v1/servers/999", "{\"labels\":{}}", "Content-Type",
                "application/json", AUTH[0], AUTH[1]).statusCode());
    }

    @Test
    void deletingAServerAnswersWithAnAction() {
        long id = created("/v1/servers", "{\"name\":\"gone\",\"server_type\":\"cx22\",\"image\":\"ubuntu-22.04\"}")
                .path("server").path("id").asLong();

        HttpResponse<String> deleted = http.send("DELETE", "/v1/servers/" + id, null, AUTH);

        assertEquals(200, deleted.statusCode());
        assertEquals("delete_server", json(deleted).path("action").path("command").asText());
        HttpResponse<String> missing = http.get("/v1/servers/" + id, AUTH);
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", json(missing).path("error").path("code").asText());
    }

    @Test
    void anInjectedRateLimitCarriesHetznersHeaders() {
        sim.faults().add(Fault.of("hetzner", "/v1/servers", "GET", 429, 1).withRetryAfterSeconds(1));

        HttpResponse<String> limited = http.get("/v1/servers", AUTH);

        assertEquals(429, limited.statusCode());
        assertEquals("rate_limit_exceeded", json(limited).path("error").path("code").asText());
        assertEquals("0", limited.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertTrue(limited.headers().firstValue("RateLimit-Reset").isPresent());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, http.get("/v1/servers", AUTH).statusCode());
    }

    @Test
    void resetForgetsEveryHetznerObject() {
        created("/v1/networks", "{\"name\":\"n\",\"ip_range\":\"10.9.0.0/16\"}");
        created("/v1/servers", "{\"name\":\"r\",\"server_type\":\"cx22\",\"image\":\"ubuntu-24.04\"}");

        assertEquals(204, http.send("POST", "/_sim/reset", null).statusCode());

        assertTrue(sim.state().hetznerServers().isEmpty());
        assertTrue(sim.state().hetznerNetworks().isEmpty());
        assertEquals(0, get("/v1/servers").path("servers").size());
    }
}
