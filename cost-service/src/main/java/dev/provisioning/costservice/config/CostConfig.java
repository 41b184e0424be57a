package dev.provisioning.costservice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

/** Settings of the cost-service itself: price caching, currency conversion, publishing. */
@ConfigMapping(prefix = "provisioning.cost")
public interface CostConfig {

    /**
     * US dollars per euro, for providers that list prices in EUR (Hetzner). The default is the ECB euro reference
     * rate of {@link #eurUsdRateDate()}; operators set the rate they bill with.
     */
    @WithDefault("1.0389")
    BigDecimal eurUsdRate();

    /** The day {@link #eurUsdRate()} was taken, shown next to converted prices so readers know how old it is. */
    @WithDefault("2024-12-31")
    LocalDate eurUsdRateDate();

    /** How long a provider's price list is reused before it is read again. */
    @WithDefault("1h")
    Duration priceCacheTtl();

    /** How often resources that could not be priced are tried again (see {@code UnpricedResourceRetry}). */
    @WithDefault("5m")
    Duration repriceInterval();

    /** How long publishing a {@code ResourcePriced} event may wait for the broker's acknowledgement. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** The CloudEvents {@code source} of the events this service publishes. */
    @WithDefault("/cost-service")
    String eventSource();

    /** List prices DigitalOcean publishes but its API does not serve. */
    DigitalOceanListPrices digitalocean();

    /** DigitalOcean's published prices that {@code GET /v2/sizes} leaves out. */
    interface DigitalOceanListPrices {

        /**
         * USD per month per load balancer size unit (node), DigitalOcean's published list price; configuration, not
         * API data, since DigitalOcean's API lists no load balancer price.
         */
        @WithDefault("12.00")
        BigDecimal loadBalancerUnitMonthlyUsd();
    }
}
