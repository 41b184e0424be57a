package dev.provisioning.costservice.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
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
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every price key kind the agents report, priced from the providers' own price data as cloud-sim serves it:
 * DigitalOcean sizes plus the configured load balancer list price, Hetzner {@code /v1/pricing} in EUR, and the AWS
 * Price List Query API.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
class ProviderPriceSourcesTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void digitalOceanLoadBalancerIsTheConfiguredPricePerSizeUnit() {
        estimateLine("digitalocean", "digitalocean:load-balancer:3", 1)
                .body("items[0].unitMonthlyUsd", equalTo(36.0f))
                .body("monthlyUsd", equalTo(36.0f));
        estimateLine("digitalocean", "digitalocean:load-balancer:1", 2)
                .body("monthlyUsd", equalTo(24.0f));
    }

    @Test
    void hetznerServerTypeIsItsNetMonthlyEuroPriceInTheLocationConverted() {
        // cpx21 in nbg1: EUR 20.90 net x 1.0389 USD/EUR = 21.713 -> $21.71.
        estimateLine("hetzner", "hetzner:server-type:cpx21:nbg1", 3)
                .body("items[0].unitMonthlyUsd", equalTo(21.71f))
                .body("monthlyUsd", equalTo(65.13f));
    }

    @Test
    void hetznerLoadBalancerTypeIsPricedPerLocation() {
        // lb11: EUR 5.39 net -> $5.60.
        estimateLine("hetzner", "hetzner:load-balancer-type:lb11:nbg1", 1)
                .body("monthlyUsd", equalTo(5.6f));
    }

    @Test
    void hetznerVolumeIsPricedPerGbWithCountAsGigabytes() {
        // EUR 0.044 per GB-month x 100 GB x 1.0389 = 4.5712 -> $4.57, rounded once for the whole volume.
        String body = estimateLine("hetzner", "hetzner:volume:nbg1", 100)
                .body("items[0].unit", equalTo("GB"))
                .body("items[0].unitMonthlyUsd", equalTo(0.0457f))
                .body("monthlyUsd", equalTo(4.57f))
                .extract().asString();
        assertTrue(body.contains("\"monthlyUsd\":4.57"), body);
    }

    @Test
    void awsInstanceIsTheHourlyOnDemandLinuxPriceTimes730() {
        // t3.medium in Singapore: $0.0528/h x 730 h = $38.544 -> $38.54.
        estimateLine("aws", "aws:ec2:t3.medium:ap-southeast-1", 2)
                .body("items[0].unitMonthlyUsd", equalTo(38.54f))
                .body("monthlyUsd", equalTo(77.08f));
        estimateLine("aws", "aws:ec2:t3.medium:us-east-1", 1)
                .body("monthlyUsd", equalTo(30.37f));
    }

    @Test
    void awsApplicationLoadBalancerIsItsHourlyChargeTimes730() {
        // $0.0252/h x 730 h = $18.396 -> $18.40; LCU-hours are usage and not included.
        estimateLine("aws", "aws:elbv2:application:ap-southeast-1", 1)
                .body("monthlyUsd", equalTo(18.4f));
    }

    @Test
    void keysOutsideTheProvidersPriceListsAre400s() {
        estimate("{\"resources\":[{\"provider\":\"aws\",\"priceKey\":\"aws:ec2:t3.medium:sa-east-1\"}]}").then()
                .statusCode(400)
                .body("field", equalTo("resources[0].priceKey"))
                .body("detail", containsString("is not in aws's price list"))
                .body("allowed", containsString("regions read: us-east-1, eu-central-1, ap-southeast-1"));
        estimate("{\"resources\":[{\"provider\":\"hetzner\",\"priceKey\":\"hetzner:server-type:cpx21:nowhere\"}]}")
                .then()
                .statusCode(400)
                .body("allowed", containsString("hetzner:server-type:cpx21:nbg1"));
        estimate("{\"resources\":[{\"provider\":\"digitalocean\",\"priceKey\":\"digitalocean:load-balancer:101\"}]}")
                .then()
                .statusCode(400)
                .body("allowed", containsString("digitalocean:load-balancer:<size_unit 1-100>"));
    }

    @Test
    void readyHetznerServerAndAwsInstanceShowPerRegionProviderAndComponentInUsd() {
        EventStream.publish(ready("mixed/eu-central/server/eu-app-1", Provider.HETZNER, "nbg1", "cpx21",
                "hetzner:server-type:cpx21:nbg1"), null);
        EventStream.publish(ready("mixed/asia-southeast/ec2-instance/asia-app-1", Provider.AWS, "ap-southeast-1",
                "t3.medium", "aws:ec2:t3.medium:ap-southeast-1"), null);

        awaitPriced("mixed", 2).then()
                .body("currency", equalTo("USD"))
                .body("monthlyTotal", equalTo(60.25f))
                .body("byRegion.region", equalTo(List.of("eu-central", "asia-southeast")))
                .body("byRegion.find { it.region == 'eu-central' }.monthlyUsd", equalTo(21.71f))
                .body("byRegion.find { it.region == 'asia-southeast' }.monthlyUsd", equalTo(38.54f))
                .body("byProvider.find { it.provider == 'hetzner' }.monthlyUsd", equalTo(21.71f))
                .body("byProvider.find { it.provider == 'aws' }.monthlyUsd", equalTo(38.54f))
                .body("byComponent", hasSize(1))
                .body("byComponent[0].component", equalTo("compute"))
                .body("byComponent[0].monthlyUsd", equalTo(60.25f))
                .body("unpricedResources", equalTo(0));
    }

    @Test
    void readyVolumeIsChargedForItsSizeAndWithoutASizeStaysUnpriced() {
        EventStream.publish(ready("volumes/eu-central/volume/data-1", Provider.HETZNER, "nbg1", "100",
                "hetzner:volume:nbg1"), null);
        EventStream.publish(ready("volumes/eu-central/volume/data-2", Provider.HETZNER, "nbg1", null,
                "hetzner:volume:nbg1"), null);

        Response response = awaitResources("volumes", 2);
        response.then()
                .body("resources.find { it.name == 'data-1' }.monthlyUsd", equalTo(4.57f))
                .body("resources.find { it.name == 'data-2' }.status", equalTo("no-quantity"))
                .body("resources.find { it.name == 'data-2' }.unpricedReason", containsString("priced per GB"))
                .body("byComponent[0].component", equalTo("volume"));
    }

    @Test
    void markdownTableOfThreeRegionsFromTheProvidersOwnPrices() {
        for (int i = 1; i <= 3; i++) {
            EventStream.publish(ready("seed/us-east/droplet/us-app-" + i, Provider.DIGITALOCEAN, "nyc3",
                    "s-2vcpu-4gb", "digitalocean:size:s-2vcpu-4gb"), null);
        }
        awaitResources("seed", 3);
        for (int i = 1; i <= 3; i++) {
            EventStream.publish(ready("seed/eu-central/server/eu-app-" + i, Provider.HETZNER, "nbg1", "cpx21",
                    "hetzner:server-type:cpx21:nbg1"), null);
        }
        awaitResources("seed", 6);
        for (int i = 1; i <= 2; i++) {
            EventStream.publish(ready("seed/asia-southeast/ec2-instance/asia-app-" + i, Provider.AWS,
                    "ap-southeast-1", "t3.medium", "aws:ec2:t3.medium:ap-southeast-1"), null);
        }
        awaitResources("seed", 8);
        EventStream.publish(ready("seed/us-east/load-balancer/us-lb", Provider.DIGITALOCEAN, "nyc3", null,
                "digitalocean:load-balancer:1"), null);
        EventStream.publish(ready("seed/eu-central/load-balancer/eu-lb", Provider.HETZNER, "nbg1", "lb11",
                "hetzner:load-balancer-type:lb11:nbg1"), null);
        EventStream.publish(ready("seed/eu-central/volume/eu-data", Provider.HETZNER, "nbg1", "100",
                "hetzner:volume:nbg1"), null);
        EventStream.publish(ready("seed/asia-southeast/alb/asia-lb", Provider.AWS, "ap-southeast-1", null,
                "aws:elbv2:application:ap-southeast-1"), null);
        awaitPriced("seed", 12);

        String markdown = given().accept("text/markdown").get("/api/v1/costs/seed").then()
                .statusCode(200)
                .extract().asString();
        assertEquals("""
                | Component | us-east | eu-central | asia-southeast | Total |
                |---|---|---|---|---|
                | Compute | $72.00 | $65.13 | $77.08 | $214.21 |
                | Load Balancer | $12.00 | $5.60 | $18.40 | $36.00 |
                | Volume | - | $4.57 | - | $4.57 |
                | Total | $84.00 | $75.30 | $95.48 | $254.78 |
                """, markdown);
    }

    private static ValidatableResponse estimateLine(String provider, String key, int count) {
        return estimate("{\"resources\":[{\"provider\":\"" + provider + "\",\"priceKey\":\"" + key
                + "\",\"count\":" + count + "}]}")
                .then()
                .statusCode(200)
                .body("currency", equalTo("USD"))
                .body("items[0].priceKey", equalTo(key))
                .body("items[0].count", equalTo(count));
    }

    private static Response estimate(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/costs/estimate");
    }

    private static ResourceReady ready(String address, Provider provider, String providerRegion, String size,
            String priceKey) {
        return new ResourceReady("rollout-prices", ResourceAddress.parse(address), provider, providerRegion,
                "id-" + Math.abs(address.hashCode()), Map.of(), size, priceKey, Map.of(), Instant.now());
    }

    private static Response awaitResources(String workspace, int count) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/costs/" + workspace).then().statusCode(200)
                .body("resources", hasSize(count)));
        return given().get("/api/v1/costs/" + workspace);
    }

    private static Response awaitPriced(String workspace, int count) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/costs/" + workspace).then().statusCode(200)
                .body("resources.findAll { it.status == 'priced' }", hasSize(count)));
        return given().get("/api/v1/costs/" + workspace);
    }
}
