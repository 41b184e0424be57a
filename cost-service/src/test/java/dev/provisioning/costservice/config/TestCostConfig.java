package dev.provisioning.costservice.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

/** cost-service's settings for tests that build services by hand: the configured defaults, changed where a test says. */
public record TestCostConfig(BigDecimal eurUsdRate, LocalDate eurUsdRateDate, Duration priceCacheTtl,
                             Duration repriceInterval, Duration publishTimeout, String eventSource,
                             DigitalOceanListPrices digitalocean) implements CostConfig {

    /**
     * The defaults of {@link CostConfig}: 1.087 USD per EUR as of 2026-11-27, price lists kept 1 h, unpriced
     * resources retried every 5 min, 10 s to publish, source {@code /cost-service}; DigitalOcean's published list
     * prices without a price sheet.
     */
    public static TestCostConfig defaults() {
        return new TestCostConfig(new BigDecimal("1.087"), LocalDate.of(2026, 11, 27), Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofSeconds(10), "/cost-service", TestListPrices.published());
    }

    /** The same settings with another exchange rate, set on {@code date}. */
    public TestCostConfig withEurUsdRate(BigDecimal rate, LocalDate date) {
        return new TestCostConfig(rate, date, priceCacheTtl, repriceInterval, publishTimeout, eventSource,
                digitalocean);
    }

    /** The same settings with price lists kept for {@code ttl}. */
    public TestCostConfig withPriceCacheTtl(Duration ttl) {
        return new TestCostConfig(eurUsdRate, eurUsdRateDate, ttl, repriceInterval, publishTimeout, eventSource,
                digitalocean);
    }

    /** The same settings with other DigitalOcean list prices. */
    public TestCostConfig withDigitalocean(DigitalOceanListPrices prices) {
        return new TestCostConfig(eurUsdRate, eurUsdRateDate, priceCacheTtl, repriceInterval, publishTimeout,
                eventSource, prices);
    }
}
