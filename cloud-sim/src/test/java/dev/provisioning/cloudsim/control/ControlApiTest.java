package dev.provisioning.cloudsim.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.http.SimJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code /_sim/} control API and the routing of paths no provider owns. */
class ControlApiTest {

    private static final String[] BEARER = {"Authorization", "Bearer token"};

    private static CloudSim sim;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0));
        http = new RawHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void healthIsUp() {
        HttpResponse<String> response = http.get("/_sim/health");

        assertEquals(200, response.statusCode());
        assertEquals("UP", json(response).path("status").asText());
    }

    @Test
    void resetClearsResourcesAndFaults() {
        createDroplet();
        http.postJson("/_sim/faults", "{\"provider\":\"hetzner\",\"status\":503}");

        assertEquals(204, http.send("POST", "/_sim/reset", null).statusCode());

        assertTrue(sim.state().droplets().isEmpty());
        assertTrue(sim.faults().active().isEmpty());
    }

    @Test
    void faultsCanBeListedAndCleared() {
        http.postJson("/_sim/faults", "{\"provider\":\"aws\",\"status\":500,\"count\":3}");

        JsonNode listed = json(http.get("/_sim/faults"));
        assertEquals(1, listed.path("faults").size());
        assertEquals(3, listed.path("faults").get(0).path("count").asInt());

        assertEquals(204, http.send("DELETE", "/_sim/faults", null).statusCode());
        assertEquals(0, json(http.get("/_sim/faults")).path("faults").size());
    }

    @Test
    void invalidFaultsAreRejected() {
        assertEquals(400, http.postJson("/_sim/faults", "{\"provider\":\"digitalocean\",\"status\":200}").statusCode());
        assertEquals(400, http.postJson("/_sim/faults", "{\"provider\":\"digitalocean\",\"sttaus\":500}").statusCode());
        assertEquals(400, http.postJson("/_sim/faults", "not json").statusCode());
    }

    @Test
    void configChangesApplyToNewDroplets() throws Exception {
        try {
            HttpResponse<String> updated = http.send("PUT", "/_sim/config", "{\"timeScale\":0,\"dropletBootDelayMs\":5000}");
            assertEquals(200, updated.statusCode());
            assertEquals(0.0, json(updated).path("timeScale").asDouble());
            assertEquals(sim.port(), json(updated).path("port").asInt());

            int id = createDroplet();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (sim.state().droplet(id).orElseThrow().status() != dev.provisioning.cloudsim.state.Droplet.Status.ACTIVE) {
                assertTrue(System.nanoTime() < deadline, "time scale 0 should make droplets active at once");
                Thread.sleep(10);
            }
        } finally {
            sim.reconfigure(c -> CloudSimConfig.defaults());
            sim.reset();
        }
        assertEquals(1.0, sim.config().timeScale());
        assertEquals(sim.port(), sim.config().port(), "the bound port survives reconfiguration");
    }

    @Test
    void theRdsDelayIsReadAndChangedWithTheOtherDelays() throws Exception {
        try {
            assertEquals(300, json(http.get("/_sim/config")).path("rdsDelayMs").asInt());
            HttpResponse<String> updated = http.send("PUT", "/_sim/config", "{\"rdsDelayMs\":40}");
            assertEquals(200, updated.statusCode());
            assertEquals(40, json(updated).path("rdsDelayMs").asInt());
            assertEquals(Duration.ofMillis(40), sim.config().rdsDelay());
        } finally {
            sim.reconfigure(c -> CloudSimConfig.defaults());
        }
    }

    @Test
    void stateDumpListsResources() {
        createDroplet();
        try {
            JsonNode state = json(http.get("/_sim/state"));
            assertEquals(1, state.path("droplets").size());
            assertEquals("probe", state.path("droplets").get(0).path("name").asText());
        } finally {
            sim.reset();
        }
    }

    @Test
    void hetznerAnswersNotFoundInItsOwnFormat() {
        HttpResponse<String> response = http.get("/v1/firewalls", BEARER);

        assertEquals(404, response.statusCode());
        assertEquals("not_found", json(response).path("error").path("code").asText());
    }

    @Test
    void unknownPathsAreNotFound() {
        assertEquals(404, http.get("/nothing/here").statusCode());
        assertEquals(404, http.get("/_sim/nothing").statusCode());
        assertEquals(404, http.get("/v2/volumes", BEARER).statusCode());
    }

    private static int createDroplet() {
        HttpResponse<String> response = http.postJson("/v2/droplets", "{\"name\":\"probe\",\"region\":\"ams3\","
                + "\"size\":\"s-1vcpu-1gb\",\"image\":\"debian-12-x64\"}", BEARER);
        assertEquals(202, response.statusCode(), response.body());
        return json(response).path("droplet").path("id").asInt();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return SimJson.read(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }
}
