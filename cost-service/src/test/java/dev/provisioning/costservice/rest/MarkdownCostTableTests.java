package dev.provisioning.costservice.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.Component;
import dev.provisioning.costservice.PriceStatus;
import dev.provisioning.costservice.service.WorkspaceCostReport;
import dev.provisioning.costservice.service.WorkspaceCostReport.ComponentCost;
import dev.provisioning.costservice.service.WorkspaceCostReport.ProviderCost;
import dev.provisioning.costservice.service.WorkspaceCostReport.RegionCost;
import dev.provisioning.costservice.service.WorkspaceCostReport.ResourceLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownCostTableTests {

    @Test
    void rendersComponentsByRegionWithTotals() {
        WorkspaceCostReport report = new WorkspaceCostReport("shop", "USD", usd("1096.00"),
                List.of(new RegionCost("us-east", usd("1072.00"), 3), new RegionCost("eu-central", usd("24.00"), 1)),
                List.of(new ProviderCost(Provider.DIGITALOCEAN, usd("1096.00"), 4)),
                List.of(new ComponentCost(Component.COMPUTE, usd("1096.00"), 3),
                        new ComponentCost(Component.LOAD_BALANCER, usd("0.00"), 1)),
                List.of(line("shop/us-east/droplet/a", "us-east", Component.COMPUTE, "1048.00"),
                        line("shop/us-east/droplet/b", "us-east", Component.COMPUTE, "24.00"),
                        line("shop/eu-central/droplet/c", "eu-central", Component.COMPUTE, "24.00"),
                        line("shop/us-east/load-balancer/lb", "us-east", Component.LOAD_BALANCER, null)),
                1);

        assertEquals("""
                | Component | us-east | eu-central | Total |
                |---|---|---|---|
                | Compute | $1,072.00 | $24.00 | $1,096.00 |
                | Load Balancer | 1 unpriced | - | $0.00 |
                | Total | $1,072.00 | $24.00 | $1,096.00 |

                Not included (unpriced):

                - `shop/us-east/load-balancer/lb`: no price
                """, MarkdownCostTable.render(report));
    }

    private static ResourceLine line(String address, String region, Component component, String usd) {
        return new ResourceLine(address, region, Provider.DIGITALOCEAN, component, "kind", "name", "key",
                usd == null ? null : usd(usd), usd == null ? PriceStatus.UNKNOWN_PRICE_KEY : PriceStatus.PRICED,
                usd == null ? "no price" : null, "r1", Instant.EPOCH);
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }
}
