package dev.provisioning.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.KafkaTopics;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "planner"))
@QuarkusTestResource(CloudSimTestResource.class)
class WorkspaceResourceTest {

    static String workspace(String size, String location) {
        return """
                {"dns": {"domain": "api.example.com", "ttl": 60},
                 "regions": {"us-east": {"provider": "digitalocean", "location": "%s", "dnsLabel": "us",
                   "resources": [{"kind": "droplet", "name": "us-app-1", "size": "%s"}]}}}
                """.formatted(location, size);
    }

    @Test
    void applyDispatchesTheDropletAndSucceedsOnceTheEventsArrive() throws Exception {
        given().contentType(ContentType.JSON).body(workspace("s-2vcpu-4gb", "nyc3"))
                .post("/api/v1/workspaces/slice-a").then().statusCode(201)
                .body("regions.us-east.resources[0].name", equalTo("us-app-1"));

        String rolloutId = given().post("/api/v1/workspaces/slice-a/apply").then().statusCode(202)
                .body("status", equalTo("RUNNING")).extract().path("rolloutId");

        String address = "slice-a/us-east/droplet/us-app-1";
        List<ConsumerRecord<String, String>> commands = KafkaTopics.collect(Topics.commands(Provider.DIGITALOCEAN),
                r -> address.equals(r.key()), Duration.ofSeconds(5));
        assertEquals(1, commands.size(), "one command for the droplet");
        CloudEvent command = CloudEventCodec.decode(commands.get(0));
        assertEquals(MessageType.PROVISION_RESOURCE, command.type());
        ProvisionResource provision = command.dataAs(ProvisionResource.class);
        assertEquals(rolloutId, provision.rolloutId());
        assertEquals("s-2vcpu-4gb", provision.spec().get("size"));
        assertEquals("nyc3", provision.providerRegion());
        assertEquals("us.api.example.com", provision.context().get("dns.name"));

        // A second apply while this one runs is refused and names the running rollout.
        given().post("/api/v1/workspaces/slice-a/apply").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(rolloutId));

        ResourceAddress droplet = ResourceAddress.parse(address);
        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, "/test-agent", new ResourceReady(rolloutId, droplet,
                Provider.DIGITALOCEAN, "nyc3", "1001", Map.of("ipv4", "198.51.100.7"), "s-2vcpu-4gb",
                "digitalocean:size:s-2vcpu-4gb", provision.context(), Instant.now())));
        awaitStep(rolloutId, 0, "SUCCEEDED");
        given().get("/api/v1/rollouts/" + rolloutId).then().body("status", equalTo("RUNNING"))
                .body("steps[1].status", equalTo("DISPATCHED"));

        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, "/test-dns", new DnsRecordSynced(rolloutId,
                ResourceAddress.parse("slice-a/global/dns-record/us.api.example.com"), droplet, "/hostedzone/Z1",
                "us.api.example.com.", "A", 60, List.of("198.51.100.7"), Instant.now())));
        awaitStatus(rolloutId, "SUCCEEDED");
        given().get("/api/v1/rollouts/" + rolloutId).then()
                .body("steps[0].dispatchedAt", notNullValue()).body("steps[0].completedAt", notNullValue())
                .body("steps[0].providerId", equalTo("1001"))
                .body("steps[1].key", equalTo("slice-a/global/dns-record/us.api.example.com"));

        ConsumerRecord<String, String> completed = KafkaTopics.await(Topics.EVENTS,
                r -> "slice-a".equals(r.key()), Duration.ofSeconds(20)).orElseThrow();
        assertEquals(MessageType.ROLLOUT_COMPLETED, CloudEventCodec.decode(completed).type());
        given().get("/api/v1/workspaces/slice-a/rollouts").then().body("id", hasItem(rolloutId));
    }

    @Test
    void progressStreamsAsServerSentEventsUntilTheRolloutEnds() throws Exception {
        given().contentType(ContentType.JSON).body(workspace("s-2vcpu-4gb", "nyc3"))
                .post("/api/v1/workspaces/slice-sse").then().statusCode(201);
        String rolloutId = given().post("/api/v1/workspaces/slice-sse/apply").then().statusCode(202)
                .extract().path("rolloutId");
        var client = java.net.http.HttpClient.newHttpClient();
        var stream = client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + "/api/v1/rollouts/" + rolloutId + "/events"))
                        .header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());

        KafkaTopics.await(Topics.commands(Provider.DIGITALOCEAN), r -> "slice-sse/us-east/droplet/us-app-1".equals(r.key()),
                Duration.ofSeconds(20)).orElseThrow();
        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, "/test-agent", new ResourceReady(rolloutId,
                ResourceAddress.parse("slice-sse/us-east/droplet/us-app-1"), Provider.DIGITALOCEAN, "nyc3", "1001",
                Map.of("ipv4", "198.51.100.7"), "s-2vcpu-4gb", "digitalocean:size:s-2vcpu-4gb", Map.of(), Instant.now())));
        awaitStep(rolloutId, 0, "SUCCEEDED");
        completeDns(rolloutId, "slice-sse", "us-app-1");

        var response = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
        List<String> lines = response.body().toList();
        List<String> events = lines.stream().filter(line -> line.startsWith("data:")).toList();
        assertTrue(events.size() >= 2, "one event per change: " + response.statusCode() + " " + lines);
        assertTrue(events.get(0).contains("\"RUNNING\""), events.get(0));
        assertTrue(events.get(events.size() - 1).contains("\"status\":\"SUCCEEDED\""), events.get(events.size() - 1));
    }

    @Test
    void applyingAnUnknownWorkspaceOrRegionIsRefused() {
        given().post("/api/v1/workspaces/nothing-here/apply").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(workspace("s-2vcpu-4gb", "nyc3"))
                .post("/api/v1/workspaces/slice-b").then().statusCode(201);
        given().queryParam("region", "mars").post("/api/v1/workspaces/slice-b/apply").then().statusCode(400)
                .body("errors[0].field", equalTo("region")).body("errors[0].value", equalTo("mars"))
                .body("errors[0].allowed", hasItem("us-east"));
    }

    /** Reports the regional DNS record of a droplet front as dns-service would. */
    static void completeDns(String rolloutId, String ws, String droplet) throws Exception {
        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, "/test-dns", new DnsRecordSynced(rolloutId,
                ResourceAddress.parse(ws + "/global/dns-record/us.api.example.com"),
                ResourceAddress.parse(ws + "/us-east/droplet/" + droplet), "/hostedzone/Z1", "us.api.example.com.", "A",
                60, List.of("198.51.100.7"), Instant.now())));
    }

    static void awaitStep(String rolloutId, int index, String status) throws InterruptedException {
        await(rolloutId, "steps[" + index + "].status", status);
    }

    static void awaitStatus(String rolloutId, String status) throws InterruptedException {
        await(rolloutId, "status", status);
    }

    private static void await(String rolloutId, String path, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String actual = null;
        while (System.nanoTime() < deadline) {
            actual = given().get("/api/v1/rollouts/" + rolloutId).then().statusCode(200).extract().path(path);
            if (expected.equals(actual)) {
                return;
            }
            Thread.sleep(100);
        }
        assertTrue(false, path + " of rollout " + rolloutId + " stayed " + actual + ", expected " + expected);
    }
}
