package dev.provisioning.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.ResourceDeleted;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "planner"))
@QuarkusTestResource(CloudSimTestResource.class)
class PlanAndDestroyTest {

    static String droplets(int count) {
        return """
                {"dns": {"domain": "api.example.com"},
                 "regions": {"us-east": {"provider": "digitalocean", "location": "nyc3", "dnsLabel": "us",
                   "resources": [{"kind": "droplet", "name": "us-app", "count": %d, "size": "s-2vcpu-4gb"}]}}}
                """.formatted(count);
    }

    @Test
    void plansAgainstTheRecordedStateRefusesStalePlansAndDestroysInReverse() throws Exception {
        String ws = "plan-ws";
        given().contentType(ContentType.JSON).body(droplets(1)).post("/api/v1/workspaces/" + ws).then().statusCode(201);

        // Empty state: one create, in dependency order, with its attributes.
        given().contentType(ContentType.JSON).body("").post("/api/v1/workspaces/" + ws + "/plan").then().statusCode(200)
                .body("regions[0].region", equalTo("us-east"))
                .body("regions[0].changes", hasSize(1))
                .body("regions[0].changes[0].action", equalTo("create"))
                .body("regions[0].changes[0].diff.size.to", equalTo("s-2vcpu-4gb"))
                .body("order[0]", equalTo(ws + "/us-east/droplet/us-app-1"));

        String rolloutId = given().post("/api/v1/workspaces/" + ws + "/apply").then().statusCode(202)
                .extract().path("rolloutId");
        String command = KafkaTopics.await(Topics.commands(Provider.DIGITALOCEAN),
                r -> (ws + "/us-east/droplet/us-app-1").equals(r.key()), Duration.ofSeconds(20)).orElseThrow().value();
        ready(rolloutId, "us-app-1");
        WorkspaceResourceTest.awaitStep(rolloutId, 0, "SUCCEEDED");

        // Recorded state equals the definition: nothing to do.
        given().contentType(ContentType.JSON).body("").post("/api/v1/workspaces/" + ws + "/plan").then().statusCode(200)
                .body("empty", equalTo(true));

        // Three droplets instead of one: exactly two creates.
        String planId = given().contentType(ContentType.JSON).body(droplets(3))
                .post("/api/v1/workspaces/" + ws + "/plan").then().statusCode(200)
                .body("regions[0].changes", hasSize(2))
                .body("regions[0].changes.action", org.hamcrest.Matchers.everyItem(equalTo("create")))
                .body("regions[0].changes[0].address", equalTo(ws + "/us-east/droplet/us-app-2"))
                .extract().path("planId");

        // The state moves on (a resource is re-reported with another provider id): the plan is stale.
        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, "/test-agent", new ResourceReady(null,
                ResourceAddress.parse(ws + "/us-east/droplet/us-app-1"), Provider.DIGITALOCEAN, "nyc3", "2002",
                Map.of("ipv4", "198.51.100.8"), "s-2vcpu-4gb", "digitalocean:size:s-2vcpu-4gb", Map.of(), Instant.now())));
        awaitStale(ws, planId);

        // Let the first rollout finish (its DNS step), then destroy: one delete command, completed by ResourceDeleted.
        WorkspaceResourceTest.completeDns(rolloutId, ws, "us-app-1");
        WorkspaceResourceTest.awaitStatus(rolloutId, "SUCCEEDED");
        String destroyId = given().delete("/api/v1/workspaces/" + ws).then().statusCode(202).extract().path("rolloutId");
        var delete = KafkaTopics.await(Topics.commands(Provider.DIGITALOCEAN),
                r -> (ws + "/us-east/droplet/us-app-1").equals(r.key())
                        && MessageType.DELETE_RESOURCE.ceType().equals(CloudEventCodec.optional(r.headers(), "ce_type")),
                Duration.ofSeconds(20)).orElseThrow();
        assertEquals(destroyId, CloudEventCodec.decode(delete).dataAs(
                dev.provisioning.contracts.messages.DeleteResource.class).rolloutId());
        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, "/test-agent", new ResourceDeleted(destroyId,
                ResourceAddress.parse(ws + "/us-east/droplet/us-app-1"), Provider.DIGITALOCEAN, "2002", Map.of(),
                Instant.now())));
        WorkspaceResourceTest.awaitStatus(destroyId, "SUCCEEDED");
        given().contentType(ContentType.JSON).body("").post("/api/v1/workspaces/" + ws + "/plan").then()
                .body("regions[0].changes[0].action", equalTo("create"));
        assertEquals(true, command.contains("s-2vcpu-4gb"));
    }

    private static void ready(String rolloutId, String name) throws Exception {
        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, "/test-agent", new ResourceReady(rolloutId,
                ResourceAddress.parse("plan-ws/us-east/droplet/" + name), Provider.DIGITALOCEAN, "nyc3", "1001",
                Map.of("ipv4", "198.51.100.7"), "s-2vcpu-4gb", "digitalocean:size:s-2vcpu-4gb", Map.of(), Instant.now())));
    }

    private static void awaitStale(String ws, String planId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            var response = given().queryParam("planId", planId).post("/api/v1/workspaces/" + ws + "/apply");
            status = response.statusCode();
            if (status == 409 && response.body().asString().contains("stale")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("applying the plan after the state changed answered " + status + ", expected 409 stale");
    }
}
