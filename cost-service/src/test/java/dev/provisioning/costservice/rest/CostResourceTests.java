package dev.provisioning.costservice.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Plan-time estimates priced from cloud-sim's DigitalOcean sizes, and their errors. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
class CostResourceTests {

    @Test
    void estimatesTwoDropletsAtTheirMonthlyPrice() {
        String body = estimate("""
                {"resources":[{"provider":"digitalocean","priceKey":"digitalocean:size:s-2vcpu-4gb","count":2}]}""")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("currency", equalTo("USD"))
                .body("monthlyUsd", equalTo(48.0f))
                .body("items", hasSize(1))
                .body("items[0].provider", equalTo("digitalocean"))
                .body("items[0].priceKey", equalTo("digitalocean:size:s-2vcpu-4gb"))
                .body("items[0].count", equalTo(2))
                .body("items[0].unitMonthlyUsd", equalTo(24.0f))
                .body("items[0].monthlyUsd", equalTo(48.0f))
                .extract().asString();
        assertTrue(body.contains("\"monthlyUsd\":48.00"), body);
    }

    @Test
    void sumsSeveralLinesAndCountsOneWhenCountIsLeftOut() {
        estimate("""
                {"resources":[
                  {"provider":"digitalocean","priceKey":"digitalocean:size:s-2vcpu-4gb","count":3},
                  {"provider":"digitalocean","priceKey":"digitalocean:size:s-1vcpu-2gb"}]}""")
                .then()
                .statusCode(200)
                .body("monthlyUsd", equalTo(84.0f))
                .body("items[1].count", equalTo(1))
                .body("items[1].monthlyUsd", equalTo(12.0f));
    }

    @Test
    void unknownProviderIsA400NamingFieldValueAndAllowed() {
        estimate("""
                {"resources":[{"provider":"gcp","priceKey":"gcp:machine:e2-small","count":1}]}""")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo("resources[0].provider"))
                .body("value", equalTo("gcp"))
                .body("allowed", equalTo("digitalocean, hetzner, aws"))
                .body("detail", containsString("not a known provider"));
    }

    @Test
    void hetznerKeyWithoutLocationIsA400SayingHowHetznerKeysLook() {
        estimate("""
                {"resources":[
                  {"provider":"digitalocean","priceKey":"digitalocean:size:s-2vcpu-4gb"},
                  {"provider":"hetzner","priceKey":"hetzner:server-type:cpx22"}]}""")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("resources[1].priceKey"))
                .body("value", equalTo("hetzner:server-type:cpx22"))
                .body("detail", containsString("is not in hetzner's price list"))
                .body("allowed", containsString("hetzner:server-type:<type>:<location>"));
    }

    @Test
    void unknownPriceKeyIsA400ListingTheKnownKeys() {
        estimate("""
                {"resources":[{"provider":"digitalocean","priceKey":"digitalocean:size:s-64vcpu-1tb","count":1}]}""")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("resources[0].priceKey"))
                .body("value", equalTo("digitalocean:size:s-64vcpu-1tb"))
                .body("detail", containsString("is not in digitalocean's price list"))
                .body("allowed", containsString("digitalocean:size:s-2vcpu-4gb"));
    }

    @Test
    void priceKeyOfAnotherProviderIsA400() {
        estimate("""
                {"resources":[{"provider":"digitalocean","priceKey":"hetzner:server-type:cpx22"}]}""")
                .then()
                .statusCode(400)
                .body("field", equalTo("resources[0].priceKey"))
                .body("detail", containsString("does not belong to provider digitalocean"))
                .body("allowed", containsString("digitalocean:size:<slug>"));
    }

    @Test
    void emptyOrInvalidRequestsAre400s() {
        estimate("{\"resources\":[]}").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("resources"));
        estimate("{}").then()
                .statusCode(400)
                .body("field", equalTo("resources"));
        estimate("""
                {"resources":[{"provider":"digitalocean","priceKey":"digitalocean:size:s-2vcpu-4gb","count":0}]}""")
                .then()
                .statusCode(400)
                .body("field", equalTo("resources[0].count"))
                .body("value", equalTo(0))
                .body("allowed", containsString("1 to"));
        estimate("""
                {"resources":[{"provider":"digitalocean","priceKey":"digitalocean:size:s-2vcpu-4gb","count":"two"}]}""")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("resources[0].count"));
        estimate("{\"resources\": [").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"))
                .body("detail", containsString("not valid JSON"));
        estimate("""
                {"resources":[{"provider":"digitalocean"}]}""")
                .then()
                .statusCode(400)
                .body("field", equalTo("resources[0].priceKey"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive Messaging")))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/well").then()
                .statusCode(200)
                .body("checks.name", hasItem("price data"));
        estimate("""
                {"resources":[{"provider":"digitalocean","priceKey":"digitalocean:size:s-1vcpu-1gb"}]}""")
                .then().statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds"));
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body(containsString("/api/v1/costs/estimate"))
                .body(containsString("/api/v1/costs/{workspace}"))
                .body(not(containsString("\"/q/")));
    }

    private static io.restassured.response.Response estimate(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/costs/estimate");
    }
}
