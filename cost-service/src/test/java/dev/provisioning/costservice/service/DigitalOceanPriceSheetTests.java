package dev.provisioning.costservice.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.costservice.client.DigitalOceanPriceSheetClient;
import dev.provisioning.costservice.client.DigitalOceanSizesClient;
import dev.provisioning.costservice.config.CostConfig;
import dev.provisioning.costservice.config.DigitalOceanConfig;
import dev.provisioning.costservice.config.TestCostConfig;
import dev.provisioning.costservice.config.TestListPrices;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DigitalOcean's load balancer and database prices, which its API does not serve: from the configured list prices
 * when no price sheet is set, else from the sheet (cloud-sim's simulated one, or a file), and never silently from
 * the configuration when the sheet cannot be read.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
class DigitalOceanPriceSheetTests {

    @Inject
    DigitalOceanSizesClient sizes;

    @Inject
    DigitalOceanConfig digitalOcean;

    @Inject
    ObjectMapper json;

    @TempDir
    Path dir;

    @Test
    void withoutASheetTheConfiguredListPricesApply() {
        PriceList list = source(TestListPrices.published()).fetch();

        assertPrice("24", list, "digitalocean:size:s-2vcpu-4gb");
        assertPrice("12.00", list, "digitalocean:load-balancer:1");
        assertPrice("36.00", list, "digitalocean:load-balancer:3");
        assertPrice("15.00", list, "digitalocean:database:db-s-1vcpu-1gb:1");
        // A standby node costs what the primary costs: three nodes, three times the node price.
        assertPrice("180.00", list, "digitalocean:database:db-s-2vcpu-4gb:3");
        assertTrue(!list.monthlyByKey().containsKey("digitalocean:database:db-s-2vcpu-4gb:4"), list.keys().toString());
    }

    @Test
    void cloudSimsSheetHasTheSeedsFreeLoadBalancerAndThirtyDollarCluster() {
        PriceList list = source(TestListPrices.published().withSheet(
                CloudSimTestResource.sim().url() + "/_sim/prices/digitalocean")).fetch();

        assertPrice("0.00", list, "digitalocean:load-balancer:1");
        assertPrice("30.00", list, "digitalocean:database:db-s-2vcpu-4gb:3");
        assertPrice("10.00", list, "digitalocean:database:db-s-2vcpu-4gb:1");
        assertPrice("24", list, "digitalocean:size:s-2vcpu-4gb");
    }

    @Test
    void aSheetFileIsReadWithNumbersOrStringsAsAmounts() throws IOException {
        Path sheet = Files.writeString(dir.resolve("do-prices.json"), """
                {"currency": "USD", "load_balancer": {"size_unit_monthly": 10},
                 "database": {"node_monthly": {"db-s-1vcpu-2gb": "28.50"}}}""");

        PriceList list = source(TestListPrices.published().withSheet(sheet.toUri().toString())).fetch();

        assertPrice("20", list, "digitalocean:load-balancer:2");
        assertPrice("57.00", list, "digitalocean:database:db-s-1vcpu-2gb:2");
        assertTrue(!list.monthlyByKey().containsKey("digitalocean:database:db-s-2vcpu-4gb:1"),
                "only the sheet's database sizes are priced");
    }

    @Test
    void aSheetThatCannotBeReadOrIsWrongLeavesThePriceDataUnavailable() throws IOException {
        PriceDataUnavailableException unreachable = assertThrows(PriceDataUnavailableException.class,
                () -> source(TestListPrices.published().withSheet("http://127.0.0.1:9/prices.json")).fetch());
        assertTrue(unreachable.getMessage().contains("http://127.0.0.1:9/prices.json"), unreachable.getMessage());

        Path euros = Files.writeString(dir.resolve("eur.json"), """
                {"currency": "EUR", "load_balancer": {"size_unit_monthly": "10.00"}}""");
        PriceDataUnavailableException currency = assertThrows(PriceDataUnavailableException.class,
                () -> source(TestListPrices.published().withSheet(euros.toUri().toString())).fetch());
        assertTrue(currency.getMessage().contains("EUR"), currency.getMessage());

        Path negative = Files.writeString(dir.resolve("negative.json"), """
                {"load_balancer": {"size_unit_monthly": "-1"}}""");
        assertThrows(PriceDataUnavailableException.class,
                () -> source(TestListPrices.published().withSheet(negative.toUri().toString())).fetch());

        Path noLoadBalancer = Files.writeString(dir.resolve("empty.json"), "{}");
        assertThrows(PriceDataUnavailableException.class,
                () -> source(TestListPrices.published().withSheet(noLoadBalancer.toUri().toString())).fetch());
    }

    private DigitalOceanPriceSource source(TestListPrices prices) {
        CostConfig config = TestCostConfig.defaults().withDigitalocean(prices);
        return new DigitalOceanPriceSource(sizes, new DigitalOceanPriceSheetClient(config, digitalOcean, json), config);
    }

    private static void assertPrice(String expected, PriceList list, String key) {
        BigDecimal actual = list.monthlyByKey().get(key);
        assertTrue(actual != null, key + " is not in " + list.keys());
        assertEquals(0, new BigDecimal(expected).compareTo(actual), key + ": " + actual);
    }
}
