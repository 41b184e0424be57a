package dev.provisioning.costservice.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourcePriced;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.costservice.EventStream;
import dev.provisioning.costservice.service.CostLedger;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The whole path: agent events on Kafka, priced from cloud-sim's DigitalOcean sizes, stored, shown and announced. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResourceEventsConsumerTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ResourceAddress APP_1 = ResourceAddress.parse("slice/us-east/droplet/us-app-1");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01";

    @Inject
    CostLedger ledger;

    @Test
    @Order(1)
    void readyDropletIsPricedFromDigitalOceanSizesAndAnnouncedInTheSameTrace() {
        EventStream.publish(ready(APP_1, "digitalocean:size:s-2vcpu-4gb"), TRACEPARENT);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/costs/slice").then().statusCode(200)
                .body("monthlyTotal", equalTo(24.0f)));
        String body = given().get("/api/v1/costs/slice").then()
                .statusCode(200)
                .contentType("application/json")
                .body("workspace", equalTo("slice"))
                .body("currency", equalTo("USD"))
                .body("byRegion", hasSize(1))
                .body("byRegion[0].region", equalTo("us-east"))
                .body("byRegion[0].monthlyUsd", equalTo(24.0f))
                .body("byProvider[0].provider", equalTo("digitalocean"))
                .body("byProvider[0].monthlyUsd", equalTo(24.0f))
                .body("byComponent[0].component", equalTo("compute"))
                .body("byComponent[0].monthlyUsd", equalTo(24.0f))
                .body("resources", hasSize(1))
                .body("resources[0].address", equalTo(APP_1.toString()))
                .body("resources[0].priceKey", equalTo("digitalocean:size:s-2vcpu-4gb"))
                .body("resources[0].status", equalTo("priced"))
                .extract().asString();
        // Amounts are decimals with two places, not floats.
        assertTrue(body.contains("\"monthlyTotal\":24.00"), body);

        ConsumerRecord<String, String> priced = pricedEvents(APP_1, 1).get(0);
        ResourcePriced event = CloudEventCodec.decode(priced).dataAs(ResourcePriced.class);
        assertEquals("rollout-1", event.rolloutId());
        assertEquals(0, new BigDecimal("24.00").compareTo(event.monthlyUsd()));
        assertEquals(Provider.DIGITALOCEAN, event.provider());
        assertEquals("/cost-service", EventStream.header(priced, "ce_source"));
        String traceparent = EventStream.header(priced, "traceparent");
        assertTrue(traceparent != null && traceparent.startsWith("00-" + TRACE_ID + "-"),
                "ResourcePriced must continue the incoming trace, got " + traceparent);
        // A span of cost-service's own is the parent: the SDK is on, not merely passing the context through.
        assertNotEquals(PARENT_SPAN, traceparent.split("-")[2]);
    }

    @Test
    @Order(2)
    void redeliveryUpdatesTheRowInsteadOfAddingOne() {
        EventStream.publish(ready(APP_1, "digitalocean:size:s-2vcpu-4gb"), TRACEPARENT);

        pricedEvents(APP_1, 2);
        given().get("/api/v1/costs/slice").then().statusCode(200)
                .body("monthlyTotal", equalTo(24.0f))
                .body("resources", hasSize(1))
                .body("byRegion[0].resources", equalTo(1));
    }

    @Test
    @Order(3)
    void deletedResourceLeavesTheWorkspaceAtZero() {
        EventStream.publish(new ResourceDeleted("rollout-2", APP_1, Provider.DIGITALOCEAN, "1001", Map.of(),
                Instant.now()), null);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/costs/slice").then().statusCode(200)
                .body("resources", hasSize(0)));
        String body = given().get("/api/v1/costs/slice").then().statusCode(200)
                .body("byRegion", hasSize(0))
                .extract().asString();
        assertTrue(body.contains("\"monthlyTotal\":0.00"), body);
    }

    @Test
    @Order(4)
    void markdownViewHasComponentsAsRowsAndRegionsAsColumns() {
        // One region at a time, so the columns come in the order the regions appeared.
        for (int i = 1; i <= 3; i++) {
            EventStream.publish(ready(ResourceAddress.parse("table/us-east/droplet/us-app-" + i),
                    "digitalocean:size:s-2vcpu-4gb"), null);
        }
        awaitResources("table", 3);
        EventStream.publish(readyAt(ResourceAddress.parse("table/eu-central/server/eu-app-1"), Provider.HETZNER,
                "hetzner:server-type:cpx22"), null);
        awaitResources("table", 4);
        EventStream.publish(ready(ResourceAddress.parse("table/asia-southeast/droplet/asia-app-1"),
                "digitalocean:size:s-1vcpu-2gb"), null);
        EventStream.publish(ready(ResourceAddress.parse("table/asia-southeast/database/asia-db-1"),
                "digitalocean:size:s-2vcpu-4gb"), null);
        awaitResources("table", 6);

        String markdown = given().accept("text/markdown").get("/api/v1/costs/table").then()
                .statusCode(200)
                .contentType(containsString("text/markdown"))
                .extract().asString();
        assertTrue(markdown.startsWith("""
                | Component | us-east | eu-central | asia-southeast | Total |
                |---|---|---|---|---|
                | Compute | $72.00 | 1 unpriced | $12.00 | $84.00 |
                | Database | - | - | $24.00 | $24.00 |
                | Total | $72.00 | $0.00 | $36.00 | $108.00 |

                Not included (unpriced):

                - `table/eu-central/server/eu-app-1`: price key 'hetzner:server-type:cpx22' is not in hetzner's price list ("""),
                markdown);
        given().get("/api/v1/costs/table").then().statusCode(200)
                .body("unpricedResources", equalTo(1))
                .body("resources.find { it.address == 'table/eu-central/server/eu-app-1' }.status",
                        equalTo("unknown-price-key"));
    }

    @Test
    @Order(5)
    void unknownPriceKeyIsStoredUnpricedWithTheReason() {
        ResourceAddress odd = ResourceAddress.parse("odd/us-east/droplet/odd-1");
        EventStream.publish(ready(odd, "digitalocean:size:s-99vcpu-1tb"), null);

        Response response = awaitResources("odd", 1);
        response.then()
                .body("resources[0].status", equalTo("unknown-price-key"))
                .body("resources[0].unpricedReason", containsString("'digitalocean:size:s-99vcpu-1tb' is not in"))
                .body("unpricedResources", equalTo(1));
        assertTrue(response.asString().contains("\"monthlyTotal\":0.00"), response.asString());

        // Retrying cannot price a size DigitalOcean does not list: nothing is announced, the reason stays.
        assertTrue(ledger.repriceUnpriced().stream().noneMatch(r -> r.event().address().equals(odd)));
        given().get("/api/v1/costs/odd").then().statusCode(200)
                .body("resources[0].status", equalTo("unknown-price-key"));
    }

    @Test
    @Order(6)
    void malformedRecordGoesToTheDeadLetterTopicAndConsumingCarriesOn() {
        String key = "broken/us-east/droplet/broken-1";
        EventStream.send(new ProducerRecord<>(Topics.EVENTS, key, "{not json"));
        ProducerRecord<String, String> wrongData = CloudEventCodec.encode(Topics.EVENTS, "/digitalocean-agent",
                ready(ResourceAddress.parse("broken/us-east/droplet/broken-2"), "digitalocean:size:s-1vcpu-1gb"));
        ProducerRecord<String, String> corrupted = new ProducerRecord<>(Topics.EVENTS, null,
                "broken/us-east/droplet/broken-2", "{\"address\":\"not an address\"}", wrongData.headers());
        EventStream.send(corrupted);

        List<ConsumerRecord<String, String>> dead = EventStream.await(Topics.DEAD_LETTER,
                r -> r.key() != null && r.key().startsWith("broken/"), 2, WAIT);
        assertEquals(2, dead.size());
        assertTrue(dead.stream().anyMatch(r -> "{not json".equals(r.value())));

        EventStream.publish(ready(ResourceAddress.parse("after-dlq/us-east/droplet/app-1"),
                "digitalocean:size:s-1vcpu-1gb"), null);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/costs/after-dlq").then().statusCode(200)
                .body("monthlyTotal", equalTo(6.0f)));
        given().get("/api/v1/costs/broken").then().statusCode(404);
    }

    @Test
    @Order(7)
    void unknownWorkspaceIsAProblem404() {
        given().get("/api/v1/costs/never-seen").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("field", equalTo("workspace"))
                .body("value", equalTo("never-seen"))
                .body("detail", containsString("never-seen"));
        given().accept("text/markdown").get("/api/v1/costs/never-seen").then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/costs/Not_Valid!").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("workspace"))
                .body("allowed", containsString("lowercase"));
    }

    private static Response awaitResources(String workspace, int count) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/costs/" + workspace).then().statusCode(200)
                .body("resources", hasSize(count)));
        return given().get("/api/v1/costs/" + workspace);
    }

    private static List<ConsumerRecord<String, String>> pricedEvents(ResourceAddress address, int atLeast) {
        return EventStream.await(Topics.EVENTS, r -> address.toString().equals(r.key())
                && "dev.provisioning.cost.resource-priced".equals(EventStream.header(r, "ce_type")), atLeast, WAIT);
    }

    static ResourceReady ready(ResourceAddress address, String priceKey) {
        return readyAt(address, Provider.DIGITALOCEAN, priceKey);
    }

    static ResourceReady readyAt(ResourceAddress address, Provider provider, String priceKey) {
        String size = priceKey.substring(priceKey.lastIndexOf(':') + 1);
        return new ResourceReady("rollout-1", address, provider, "nyc3", "1001",
                Map.of("ipv4", "203.0.113.10"), size, priceKey, Map.of(), Instant.now());
    }
}
