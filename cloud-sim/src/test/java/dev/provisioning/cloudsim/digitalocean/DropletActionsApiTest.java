package dev.provisioning.cloudsim.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.state.Droplet;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Droplet actions (power, reboot, resize) over plain HTTP: their life cycle, their effect and DigitalOcean's
 * refusals.
 */
class DropletActionsApiTest {

    private static final String[] AUTH = {"Authorization", "Bearer dop_v1_test"};

    private static CloudSim sim;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withDropletBootDelay(Duration.ofMillis(150)));
        http = new RawHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.reset();
    }

    @Test
    void powerOffIsInProgressThenCompletedAndTheDropletIsOff() throws Exception {
        int id = activeDroplet("s-1vcpu-1gb");

        HttpResponse<String> started = action(id, "{\"type\": \"power_off\"}");

        assertEquals(201, started.statusCode(), started.body());
        JsonNode action = json(started).path("action");
        assertEquals("power_off", action.path("type").asText());
        assertEquals("in-progress", action.path("status").asText());
        assertTrue(action.path("completed_at").isNull());
        assertTrue(action.path("started_at").asText().endsWith("Z"));
        assertEquals(id, action.path("resource_id").asInt());
        assertEquals("droplet", action.path("resource_type").asText());
        assertEquals("nyc3", action.path("region_slug").asText());
        assertEquals("nyc3", action.path("region").path("slug").asText());
        assertEquals("active", dropletJson(id).path("status").asText(), "the droplet is off only once it completes");

        int actionId = action.path("id").asInt();
        JsonNode done = await("/v2/actions/" + actionId, a -> a.path("action").path("status").asText()
                .equals("completed")).path("action");
        assertTrue(done.path("completed_at").asText().endsWith("Z"));
        assertEquals("off", dropletJson(id).path("status").asText());
        assertEquals(Droplet.Status.OFF, sim.state().droplet(id).orElseThrow().status());

        JsonNode listed = json(http.get("/v2/droplets/" + id + "/actions", AUTH));
        assertEquals(List.of("create", "power_off"), types(listed.path("actions")));
        assertEquals(2, listed.path("meta").path("total").asInt());
        assertEquals("completed", json(http.get("/v2/droplets/" + id + "/actions/" + actionId, AUTH))
                .path("action").path("status").asText());
    }

    @Test
    void powerOnShutdownAndRebootMoveThePowerState() throws Exception {
        int id = activeDroplet("s-1vcpu-1gb");

        runToCompletion(id, "shutdown");
        assertEquals("off", dropletJson(id).path("status").asText());
        runToCompletion(id, "power_on");
        assertEquals("active", dropletJson(id).path("status").asText());
        runToCompletion(id, "reboot");
        assertEquals("active", dropletJson(id).path("status").asText());
        runToCompletion(id, "power_cycle");
        assertEquals("active", dropletJson(id).path("status").asText());
    }

    @Test
    void aPoweredOffDropletIsResizedWithItsDiskOnlyWhenAsked() throws Exception {
        int id = activeDroplet("s-1vcpu-1gb");
        runToCompletion(id, "power_off");

        HttpResponse<String> cpuAndRam = action(id, "{\"type\": \"resize\", \"size\": \"s-2vcpu-4gb\"}");
        assertEquals(201, cpuAndRam.statusCode(), cpuAndRam.body());
        assertEquals("resize", json(cpuAndRam).path("action").path("type").asText());
        awaitCompleted(json(cpuAndRam).path("action").path("id").asInt());
        JsonNode resized = dropletJson(id);
        assertEquals("s-2vcpu-4gb", resized.path("size_slug").asText());
        assertEquals("s-2vcpu-4gb", resized.path("size").path("slug").asText());
        assertEquals(4096, resized.path("memory").asInt());
        assertEquals(2, resized.path("vcpus").asInt());
        assertEquals(25, resized.path("disk").asInt(), "without disk: true the disk stays as it was");
        assertEquals("off", resized.path("status").asText(), "a resize leaves the droplet off");

        HttpResponse<String> permanent =
                action(id, "{\"type\": \"resize\", \"size\": \"s-2vcpu-4gb\", \"disk\": true}");
        assertEquals(201, permanent.statusCode(), permanent.body());
        awaitCompleted(json(permanent).path("action").path("id").asInt());
        assertEquals(80, dropletJson(id).path("disk").asInt());
        assertEquals(80, dropletJson(id).path("disk_info").get(0).path("size").path("amount").asInt());
        assertEquals(80, sim.state().droplet(id).orElseThrow().diskGb());

        assertUnprocessable(action(id, "{\"type\": \"resize\", \"size\": \"s-1vcpu-2gb\"}"), "decrease");
        assertUnprocessable(action(id, "{\"type\": \"resize\", \"size\": \"s-2vcpu-4gb\"}"), "already set");
    }

    @Test
    void refusalsFollowDigitalOcean() throws Exception {
        int id = activeDroplet("s-1vcpu-1gb");

        assertUnprocessable(action(id, "{\"type\": \"resize\", \"size\": \"s-2vcpu-4gb\"}"), "power it off");
        assertUnprocessable(action(id, "{\"type\": \"power_on\"}"), "already powered on");
        assertUnprocessable(action(id, "{\"type\": \"snapshot\"}"), "'snapshot'");
        assertUnprocessable(action(id, "{\"type\": \"teleport\"}"), "'teleport'");
        assertUnprocessable(action(id, "{}"), "type is required");

        HttpResponse<String> first = action(id, "{\"type\": \"power_off\"}");
        assertEquals(201, first.statusCode());
        assertUnprocessable(action(id, "{\"type\": \"power_on\"}"), "pending event");
        awaitCompleted(json(first).path("action").path("id").asInt());
        assertUnprocessable(action(id, "{\"type\": \"power_off\"}"), "already powered off");
        assertUnprocessable(action(id, "{\"type\": \"reboot\"}"), "currently off");
        assertUnprocessable(action(id, "{\"type\": \"resize\"}"), "size is required");
        assertUnprocessable(action(id, "{\"type\": \"resize\", \"size\": \"s-99vcpu-1tb\"}"), "s-99vcpu-1tb");

        HttpResponse<String> missing = action(479_999_999, "{\"type\": \"power_off\"}");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", json(missing).path("id").asText());
        assertEquals(404, http.get("/v2/droplets/479999999/actions", AUTH).statusCode());
    }

    @Test
    void anActionOnADropletCreatedMomentsAgoWaitsForTheCreation() {
        HttpResponse<String> created = http.postJson("/v2/droplets", "{\"name\": \"fresh\", \"region\": \"nyc3\","
                + " \"size\": \"s-1vcpu-1gb\", \"image\": \"debian-12-x64\"}", AUTH);
        int id = json(created).path("droplet").path("id").asInt();

        assertUnprocessable(action(id, "{\"type\": \"power_off\"}"), "pending event");
    }

    @Test
    void aDropletDeletedWhileAnActionRunsLeavesItErrored() throws Exception {
        int id = activeDroplet("s-1vcpu-1gb");
        int actionId = json(action(id, "{\"type\": \"power_off\"}")).path("action").path("id").asInt();

        assertEquals(204, http.send("DELETE", "/v2/droplets/" + id, null, AUTH).statusCode());

        await("/v2/actions/" + actionId, a -> a.path("action").path("status").asText().equals("errored"));
    }

    private int activeDroplet(String size) throws InterruptedException {
        HttpResponse<String> created = http.postJson("/v2/droplets", "{\"name\": \"app-1\", \"region\": \"nyc3\","
                + " \"size\": \"" + size + "\", \"image\": \"ubuntu-24-04-x64\"}", AUTH);
        assertEquals(202, created.statusCode(), created.body());
        int id = json(created).path("droplet").path("id").asInt();
        int createAction = json(created).path("links").path("actions").get(0).path("id").asInt();
        awaitCompleted(createAction);
        return id;
    }

    private void runToCompletion(int id, String type) throws InterruptedException {
        HttpResponse<String> started = action(id, "{\"type\": \"" + type + "\"}");
        assertEquals(201, started.statusCode(), type + ": " + started.body());
        awaitCompleted(json(started).path("action").path("id").asInt());
    }

    private void awaitCompleted(int actionId) throws InterruptedException {
        await("/v2/actions/" + actionId, a -> a.path("action").path("status").asText().equals("completed"));
    }

    private static HttpResponse<String> action(int dropletId, String body) {
        return http.postJson("/v2/droplets/" + dropletId + "/actions", body, AUTH);
    }

    private static JsonNode dropletJson(int id) {
        return json(http.get("/v2/droplets/" + id, AUTH)).path("droplet");
    }

    private static void assertUnprocessable(HttpResponse<String> response, String messagePart) {
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("unprocessable_entity", json(response).path("id").asText());
        assertTrue(json(response).path("message").asText().contains(messagePart), response.body());
    }

    private static JsonNode await(String path, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            JsonNode body = json(http.get(path, AUTH));
            if (done.test(body)) {
                return body;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never reached the wanted state: " + body);
            }
            Thread.sleep(20);
        }
    }

    private static List<String> types(JsonNode actions) {
        return java.util.stream.StreamSupport.stream(actions.spliterator(), false)
                .map(a -> a.path("type").asText()).toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return SimJson.read(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }
}
