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
 * DigitalOcean sizes plus the load balancer and database prices of cloud-sim's price sheet, Hetzner
 * {@code /v1/pricing} in EUR, and the AWS Price List Query API (EC2, ALB, RDS); and the seed workspace's cost table.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
class ProviderPriceSourcesTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void digitalOceanLoadBalancerAndDatabaseComeFromThePriceSheet() {
        // cloud-sim's sheet: the seed's "Free" load balancer, and $10 per db-s-2vcpu-4gb node.
        estimateLine("digitalocean", "digitalocean:load-balancer:3", 1)
                .body("items[0].unitMonthlyUsd", equalTo(0.0f))
                .body("monthlyUsd", equalTo(0.0f));
        estimateLine("digitalocean", "digitalocean:database:db-s-2vcpu-4gb:3", 1)
                .body("items[0].unitMonthlyUsd", equalTo(30.0f))
                .body("monthlyUsd", equalTo(30.0f));
        estimateLine("digitalocean", "digitalocean:database:db-s-4vcpu-8gb:2", 2)
                .body("monthlyUsd", equalTo(80.0f));
    }

    @Test
    void hetznerServerTypeIsItsNetMonthlyEuroPriceInTheLocationConverted() {
        // cpx21 in nbg1: EUR 20.90 net x 1.087 USD/EUR = 22.7183 -> $22.72.
        estimateLine("hetzner", "hetzner:server-type:cpx21:nbg1", 3)
                .body("items[0].unitMonthlyUsd", equalTo(22.72f))
                .body("monthlyUsd", equalTo(68.16f));
    }

    @Test
    void hetznerLoadBalancerTypeIsPricedPerLocation() {
        // lb11: EUR 5.39 net x 1.087 = 5.8589 -> $5.86.
        estimateLine("hetzner", "hetzner:load-balancer-type:lb11:nbg1", 1)
                .body("monthlyUsd", equalTo(5.86f));
    }

    @Test
    void hetznerVolumeIsPricedPerGbWithCountAsGigabytes() {
        // EUR 0.044 per GB-month x 100 GB x 1.087 = 4.7828 -> $4.78, rounded once for the whole volume.
        String body = estimateLine("hetzner", "hetzner:volume:nbg1", 100)
                .body("items[0].unit", equalTo("GB"))
                .body("items[0].unitMonthlyUsd", equalTo(0.0478f))
                .body("monthlyUsd", equalTo(4.78f))
                .extract().asString();
        assertTrue(body.contains("\"monthlyUsd\":4.78"), body);
    }

    @Test
    void awsInstanceIsTheHourlyOnDemandLinuxPriceTimes730() {
        // t3.medium in Singapore, at cloud-sim's price: $0.0365/h x 730 h = $26.645 -> $26.65.
        estimateLine("aws", "aws:ec2:t3.medium:ap-southeast-1", 3)
                .body("items[0].unitMonthlyUsd", equalTo(26.65f))
                .body("monthlyUsd", equalTo(79.95f));
        estimateLine("aws", "aws:ec2:t3.medium:us-east-1", 1)
                .body("monthlyUsd", equalTo(30.37f));
    }

    @Test
    void awsApplicationLoadBalancerIsItsHourlyChargeTimes730() {
        // $0.0274/h x 730 h = $20.002 -> $20.00; LCU-hours are usage and not included.
        estimateLine("aws", "aws:elbv2:application:ap-southeast-1", 1)
                .body("monthlyUsd", equalTo(20.0f));
    }

    @Test
    void awsRdsInstanceIsThePostgresqlSingleAzHourTimes730() {
        // db.t3.medium in Singapore: $0.0411/h x 730 h = $30.003 -> $30.00; storage and I/O are not included.
        estimateLine("aws", "aws:rds:db.t3.medium:ap-southeast-1", 1)
                .body("items[0].unitMonthlyUsd", equalTo(30.0f))
                .body("monthlyUsd", equalTo(30.0f));
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
                .body("monthlyTotal", equalTo(49.37f))
                .body("byRegion.region", equalTo(List.of("eu-central", "asia-southeast")))
                .body("byRegion.find { it.region == 'eu-central' }.monthlyUsd", equalTo(22.72f))
                .body("byRegion.find { it.region == 'asia-southeast' }.monthlyUsd", equalTo(26.65f))
                .body("byProvider.find { it.provider == 'hetzner' }.monthlyUsd", equalTo(22.72f))
                .body("byProvider.find { it.provider == 'aws' }.monthlyUsd", equalTo(26.65f))
                .body("byComponent", hasSize(1))
                .body("byComponent[0].component", equalTo("compute"))
                .body("byComponent[0].monthlyUsd", equalTo(49.37f))
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
                .body("resources.find { it.name == 'data-1' }.monthlyUsd", equalTo(4.78f))
                .body("resources.find { it.name == 'data-2' }.status", equalTo("no-quantity"))
                .body("resources.find { it.name == 'data-2' }.unpricedReason", containsString("priced per GB"))
                .body("byComponent[0].component", equalTo("volume"));
    }

    @Test
    void theSeedWorkspaceCostsWhatItsCostTableSays() {
        // us-east (DigitalOcean nyc3): 3 droplets, a load balancer, a 3-node PostgreSQL cluster, the VPC.
        for (int i = 1; i <= 3; i++) {
            publish("seed/us-east/droplet/us-app-" + i, Provider.DIGITALOCEAN, "nyc3", "s-2vcpu-4gb",
                    "digitalocean:size:s-2vcpu-4gb");
        }
        awaitResources("seed", 3);
        publish("seed/us-east/load-balancer/us-lb", Provider.DIGITALOCEAN, "nyc3", null, "digitalocean:load-balancer:1");
        publish("seed/us-east/database/us-db-primary", Provider.DIGITALOCEAN, "nyc3", "db-s-2vcpu-4gb",
                "digitalocean:database:db-s-2vcpu-4gb:3");
        publish("seed/us-east/vpc/us-vpc", Provider.DIGITALOCEAN, "nyc3", null, null);
        awaitResources("seed", 6);
        // eu-central (Hetzner nbg1): 3 servers, lb11, a 100 GB volume, the read replica on a server, the network.
        for (int i = 1; i <= 3; i++) {
            publish("seed/eu-central/server/hetzner-eu-" + i, Provider.HETZNER, "nbg1", "cpx21",
                    "hetzner:server-type:cpx21:nbg1");
        }
        awaitResources("seed", 9);
        publish("seed/eu-central/load-balancer/eu-lb", Provider.HETZNER, "nbg1", "lb11",
                "hetzner:load-balancer-type:lb11:nbg1");
        publish("seed/eu-central/volume/eu-backups", Provider.HETZNER, "nbg1", "100", "hetzner:volume:nbg1");
        publish("seed/eu-central/database-replica/eu-db-replica", Provider.HETZNER, "nbg1", null, null);
        publish("seed/eu-central/network/eu-network", Provider.HETZNER, "nbg1", null, null);
        awaitResources("seed", 13);
        // asia-southeast (AWS ap-southeast-1): 3 instances, an ALB, an RDS read replica, the VPC.
        for (int i = 1; i <= 3; i++) {
            publish("seed/asia-southeast/ec2-instance/asia-app-" + i, Provider.AWS, "ap-southeast-1", "t3.medium",
                    "aws:ec2:t3.medium:ap-southeast-1");
        }
        awaitResources("seed", 16);
        publish("seed/asia-southeast/alb/asia-lb", Provider.AWS, "ap-southeast-1", null,
                "aws:elbv2:application:ap-southeast-1");
        publish("seed/asia-southeast/rds-instance/asia-db-replica", Provider.AWS, "ap-southeast-1", "db.t3.medium",
                "aws:rds:db.t3.medium:ap-southeast-1");
        publish("seed/asia-southeast/vpc/asia-vpc", Provider.AWS, "ap-southeast-1", null, null);
        awaitResources("seed", 19);
        awaitPriced("seed", 15);

        // The seed: US $102, EU ~$79 (EUR 72.70), APAC $130, ~$311 in all; each region here is within 0.3 % of it.
        given().get("/api/v1/costs/seed").then()
                .statusCode(200)
                .body("unpricedResources", equalTo(0))
                .body("monthlyTotal", equalTo(310.75f))
                .body("byRegion.find { it.region == 'us-east' }.monthlyUsd", equalTo(102.0f))
                .body("byRegion.find { it.region == 'eu-central' }.monthlyUsd", equalTo(78.8f))
                .body("byRegion.find { it.region == 'asia-southeast' }.monthlyUsd", equalTo(129.95f))
                .body("resources.find { it.name == 'eu-db-replica' }.component", equalTo("database"))
                .body("resources.find { it.name == 'eu-db-replica' }.status", equalTo("included"))
                .body("resources.find { it.name == 'eu-db-replica' }.monthlyUsd", equalTo(0.0f))
                .body("resources.find { it.name == 'eu-db-replica' }.note", containsString("runs on a server"))
                .body("resources.find { it.name == 'asia-db-replica' }.component", equalTo("database"))
                .body("resources.find { it.name == 'us-db-primary' }.component", equalTo("database"));
        String markdown = given().accept("text/markdown").get("/api/v1/costs/seed").then()
                .statusCode(200)
                .extract().asString();
        assertEquals("""
                | Component | us-east | eu-central | asia-southeast | Total |
                |---|---|---|---|---|
                | Compute | $72.00 | $68.16 | $79.95 | $220.11 |
                | Database | $30.00 | included | $30.00 | $60.00 |
                | Load Balancer | $0.00 | $5.86 | $20.00 | $25.86 |
                | Network | included | included | included | $0.00 |
                | Volume | - | $4.78 | - | $4.78 |
                | Total | $102.00 | $78.80 | $129.95 | $310.75 |
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

    private static void publish(String address, Provider provider, String providerRegion, String size,
                                String priceKey) {
        EventStream.publish(ready(address, provider, providerRegion, size, priceKey), null);
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
