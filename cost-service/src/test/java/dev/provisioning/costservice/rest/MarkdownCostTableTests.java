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

    @Test
    void includedResourcesSayIncludedAndTheBudgetFollowsTheTable() {
        WorkspaceCostReport report = new WorkspaceCostReport("seed", "USD", usd("98.80"),
                List.of(new RegionCost("us-east", usd("30.00"), 1), new RegionCost("eu-central", usd("68.80"), 2)),
                List.of(new ProviderCost(Provider.DIGITALOCEAN, usd("30.00"), 1),
                        new ProviderCost(Provider.HETZNER, usd("68.80"), 2)),
                List.of(new ComponentCost(Component.COMPUTE, usd("68.80"), 1),
                        new ComponentCost(Component.DATABASE, usd("30.00"), 2)),
                List.of(line("seed/eu-central/server/eu-1", "eu-central", Component.COMPUTE, "68.80"),
                        line("seed/us-east/database/us-db", "us-east", Component.DATABASE, "30.00"),
                        new ResourceLine("seed/eu-central/database-replica/eu-db", "eu-central", Provider.HETZNER,
                                Component.DATABASE, "database-replica", "eu-db", null, usd("0.00"),
                                PriceStatus.INCLUDED, null, "r1", Instant.EPOCH, "runs on a server")),
                0, new WorkspaceCostReport.BudgetStatus(usd("90.00"), usd("8.80"), true, Instant.EPOCH));

        assertEquals("""
                | Component | us-east | eu-central | Total |
                |---|---|---|---|
                | Compute | - | $68.80 | $68.80 |
                | Database | $30.00 | included | $30.00 |
                | Total | $30.00 | $68.80 | $98.80 |

                Budget: $90.00/month, exceeded by $8.80.
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
