package dev.provisioning.costservice.config;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** DigitalOcean list prices for tests that build price sources by hand: DigitalOcean's published figures. */
public record TestListPrices(Optional<URI> priceSheetUrl, BigDecimal loadBalancerUnitMonthlyUsd,
                             Map<String, BigDecimal> databaseNodeMonthlyUsd)
        implements CostConfig.DigitalOceanListPrices {

    /** No price sheet: $12 per load balancer size unit, $15 to $120 per database node. */
    public static TestListPrices published() {
        return new TestListPrices(Optional.empty(), new BigDecimal("12.00"), Map.of(
                "db-s-1vcpu-1gb", new BigDecimal("15.00"),
                "db-s-1vcpu-2gb", new BigDecimal("30.00"),
                "db-s-2vcpu-4gb", new BigDecimal("60.00"),
                "db-s-4vcpu-8gb", new BigDecimal("120.00")));
    }

    /** The same fallback prices, with a price sheet read from {@code url}. */
    public TestListPrices withSheet(String url) {
        return new TestListPrices(Optional.of(URI.create(url)), loadBalancerUnitMonthlyUsd, databaseNodeMonthlyUsd);
    }
}
