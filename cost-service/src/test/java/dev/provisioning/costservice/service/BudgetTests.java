package dev.provisioning.costservice.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.BudgetExceeded;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.costservice.EventStream;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A workspace's monthly budget: plan-time estimates project the whole workspace and warn (and announce
 * {@code BudgetExceeded}) above it; the stored costs announce their crossing of it once.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
class BudgetTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BUDGET_EXCEEDED = "dev.provisioning.cost.budget-exceeded";

    @Inject
    CostLedger ledger;

    @Inject
    BudgetWatch watch;

    @Test
    void estimateOverTheBudgetWarnsAndAnnouncesBudgetExceeded() {
        String body = estimate("""
                {"workspace": "budget-over", "budgetMonthlyUsd": 50,
                 "resources": [{"provider": "digitalocean", "priceKey": "digitalocean:size:s-2vcpu-4gb", "count": 3}]}""")
                .then()
                .statusCode(200)
                .body("monthlyUsd", equalTo(72.0f))
                .body("workspace", equalTo("budget-over"))
                .body("currentMonthlyUsd", equalTo(0.0f))
                .body("projectedMonthlyUsd", equalTo(72.0f))
                .body("budget.monthlyUsd", equalTo(50.0f))
                .body("budget.projectedMonthlyUsd", equalTo(72.0f))
                .body("budget.exceededByUsd", equalTo(22.0f))
                .body("budget.exceeded", equalTo(true))
                .body("warning", containsString("$22.00 over its budget of $50.00/month"))
                .extract().asString();
        assertTrue(body.contains("\"exceededByUsd\":22.00"), body);

        List<ConsumerRecord<String, String>> records = EventStream.await(Topics.EVENTS,
                r -> "budget-over".equals(r.key()) && BUDGET_EXCEEDED.equals(EventStream.header(r, "ce_type")), 1,
                WAIT);
        assertEquals(1, records.size());
        CloudEvent event = CloudEventCodec.decode(records.get(0));
        BudgetExceeded exceeded = event.dataAs(BudgetExceeded.class);
        assertEquals("budget-over", exceeded.workspace());
        assertEquals(BudgetExceeded.ESTIMATE, exceeded.source());
        assertEquals(0, new BigDecimal("50").compareTo(exceeded.budgetMonthlyUsd()));
        assertEquals(0, new BigDecimal("72").compareTo(exceeded.projectedMonthlyUsd()));
        assertEquals("/cost-service", event.source());
        assertEquals("budget-over", event.subject());
    }

    @Test
    void estimateWithinTheBudgetAnnouncesNothing() {
        estimate("""
                {"workspace": "budget-under", "budgetMonthlyUsd": 100,
                 "resources": [{"provider": "digitalocean", "priceKey": "digitalocean:size:s-2vcpu-4gb", "count": 3}]}""")
                .then()
                .statusCode(200)
                .body("projectedMonthlyUsd", equalTo(72.0f))
                .body("budget.exceeded", equalTo(false))
                .body("budget.exceededByUsd", equalTo(0.0f))
                .body("warning", nullValue());

        // Publishing waits for the broker, so an event would be on the topic by now.
        assertEquals(List.of(), EventStream.readToEnd(Topics.EVENTS, r -> "budget-under".equals(r.key())));
    }

    @Test
    void ledgerCrossingTheBudgetIsAnnouncedOnceNotOnEveryEvent() {
        String workspace = "budget-ledger";
        estimate("""
                {"workspace": "budget-ledger", "budgetMonthlyUsd": 50,
                 "resources": [{"provider": "digitalocean", "priceKey": "digitalocean:size:s-1vcpu-1gb"}]}""")
                .then()
                .statusCode(200)
                .body("budget.exceeded", equalTo(false));

        EventStream.publish(ready(workspace, "app-1"), null);
        EventStream.publish(ready(workspace, "app-2"), null);
        awaitTotal(workspace, 48.0f);
        EventStream.publish(ready(workspace, "app-3"), null);
        List<ConsumerRecord<String, String>> first = ledgerEvents(workspace, 1);
        BudgetExceeded crossing = CloudEventCodec.decode(first.get(0)).dataAs(BudgetExceeded.class);
        assertEquals(BudgetExceeded.LEDGER, crossing.source());
        assertEquals(0, new BigDecimal("72").compareTo(crossing.projectedMonthlyUsd()));
        assertEquals(0, new BigDecimal("50").compareTo(crossing.budgetMonthlyUsd()));

        // Further above the budget: no second announcement. app-4 twice, so that once its second ResourcePriced is
        // on the topic, the first one's budget check (which runs before) is over too.
        EventStream.publish(ready(workspace, "app-4"), null);
        EventStream.publish(ready(workspace, "app-4"), null);
        EventStream.await(Topics.EVENTS, r -> (workspace + "/us-east/droplet/app-4").equals(r.key())
                && "dev.provisioning.cost.resource-priced".equals(EventStream.header(r, "ce_type")), 2, WAIT);
        assertEquals(1, EventStream.readToEnd(Topics.EVENTS, r -> workspace.equals(r.key())
                && BUDGET_EXCEEDED.equals(EventStream.header(r, "ce_type"))).size());

        given().get("/api/v1/costs/" + workspace).then()
                .statusCode(200)
                .body("budget.monthlyUsd", equalTo(50.0f))
                .body("budget.exceeded", equalTo(true))
                .body("budget.exceededByUsd", equalTo(46.0f));
        given().accept("text/markdown").get("/api/v1/costs/" + workspace).then()
                .statusCode(200)
                .body(containsString("Budget: $50.00/month, exceeded by $46.00."));
    }

    @Test
    void aCrossingIsAnnouncedAgainOnlyAfterTheTotalFellBackWithinTheBudget() {
        String workspace = "budget-rearm";
        ledger.record(ready(workspace, "a"));
        assertTrue(watch.record(workspace, new BigDecimal("30")).isEmpty(), "$24 is within $30");

        ledger.record(ready(workspace, "b"));
        assertTrue(watch.afterLedgerChange(workspace).isPresent(), "$48 crosses $30");
        ledger.record(ready(workspace, "c"));
        assertTrue(watch.afterLedgerChange(workspace).isEmpty(), "$72 is the same crossing");

        ledger.remove(deleted(workspace, "b"));
        ledger.remove(deleted(workspace, "c"));
        assertTrue(watch.afterLedgerChange(workspace).isEmpty(), "$24 is within $30 again");
        ledger.record(ready(workspace, "b"));
        assertEquals(0, new BigDecimal("48.00").compareTo(
                watch.afterLedgerChange(workspace).orElseThrow().projectedMonthlyUsd()), "a new crossing");

        // A higher budget takes the workspace back within it; recording a lower one again is a crossing.
        assertTrue(watch.record(workspace, new BigDecimal("100")).isEmpty());
        assertTrue(watch.record(workspace, new BigDecimal("40")).isPresent());
    }

    @Test
    void removedAddressesLeaveTheProjection() {
        String workspace = "budget-replace";
        ledger.record(ready(workspace, "a"));
        ledger.record(ready(workspace, "b"));

        estimate("""
                {"workspace": "budget-replace", "removedAddresses": ["budget-replace/us-east/droplet/b"],
                 "resources": [{"provider": "digitalocean", "priceKey": "digitalocean:size:s-4vcpu-8gb"}]}""")
                .then()
                .statusCode(200)
                .body("monthlyUsd", equalTo(48.0f))
                .body("currentMonthlyUsd", equalTo(48.0f))
                .body("removedMonthlyUsd", equalTo(24.0f))
                .body("projectedMonthlyUsd", equalTo(72.0f))
                .body("currentUnpricedResources", equalTo(0))
                .body("budget", nullValue());
    }

    @Test
    void anEstimateWithoutAWorkspaceHasNoProjection() {
        String body = estimate("""
                {"resources": [{"provider": "digitalocean", "priceKey": "digitalocean:size:s-2vcpu-4gb"}]}""")
                .then()
                .statusCode(200)
                .extract().asString();
        assertTrue(!body.contains("projectedMonthlyUsd") && !body.contains("budget"), body);
    }

    @Test
    void invalidBudgetFieldsAre400s() {
        String line = "\"resources\": [{\"provider\": \"digitalocean\", \"priceKey\": \"digitalocean:size:s-1vcpu-1gb\"}]";
        estimate("{\"budgetMonthlyUsd\": 50, " + line + "}").then()
                .statusCode(400)
                .body("field", equalTo("budgetMonthlyUsd"))
                .body("detail", containsString("needs the workspace"));
        estimate("{\"workspace\": \"w\", \"budgetMonthlyUsd\": -1, " + line + "}").then()
                .statusCode(400)
                .body("field", equalTo("budgetMonthlyUsd"));
        estimate("{\"workspace\": \"Not Valid\", " + line + "}").then()
                .statusCode(400)
                .body("field", equalTo("workspace"));
        estimate("{\"workspace\": \"w\", \"removedAddresses\": [\"other/us-east/droplet/a\"], " + line + "}").then()
                .statusCode(400)
                .body("field", equalTo("removedAddresses[0]"))
                .body("detail", containsString("is not in workspace w"));
        estimate("{\"workspace\": \"w\", \"budgetMonthlyUsd\": \"lots\", " + line + "}").then()
                .statusCode(400)
                .body("field", equalTo("budgetMonthlyUsd"));
    }

    private static List<ConsumerRecord<String, String>> ledgerEvents(String workspace, int atLeast) {
        return EventStream.await(Topics.EVENTS, r -> workspace.equals(r.key())
                && BUDGET_EXCEEDED.equals(EventStream.header(r, "ce_type")), atLeast, WAIT);
    }

    private static void awaitTotal(String workspace, float total) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/costs/" + workspace).then().statusCode(200)
                .body("monthlyTotal", equalTo(total)));
    }

    private static Response estimate(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/costs/estimate");
    }

    private static ResourceReady ready(String workspace, String name) {
        return new ResourceReady("rollout-budget", ResourceAddress.parse(workspace + "/us-east/droplet/" + name),
                Provider.DIGITALOCEAN, "nyc3", "id-" + name, Map.of(), "s-2vcpu-4gb", "digitalocean:size:s-2vcpu-4gb",
                Map.of(), Instant.now());
    }

    private static ResourceDeleted deleted(String workspace, String name) {
        return new ResourceDeleted("rollout-budget", ResourceAddress.parse(workspace + "/us-east/droplet/" + name),
                Provider.DIGITALOCEAN, "id-" + name, Map.of(), Instant.now());
    }
}
