package dev.provisioning.costservice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Settings of the cost-service itself: price caching, currency conversion, publishing. */
@ConfigMapping(prefix = "provisioning.cost")
public interface CostConfig {

    /**
     * US dollars per euro, for providers that list prices in EUR (Hetzner). The default, 1.087, is the rate implied by
     * the seed workspace's cost table (its EU column: EUR 72.70 = ~$79, 79 / 72.70 = 1.0867), not an exchange
     * reference rate; operators set the rate they bill with.
     */
    @WithDefault("1.087")
    BigDecimal eurUsdRate();

    /** The day {@link #eurUsdRate()} was set or taken, shown next to converted prices so readers know how old it is. */
    @WithDefault("2026-11-27")
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

    /** Prices DigitalOcean publishes but its API does not serve. */
    DigitalOceanListPrices digitalocean();

    /**
     * DigitalOcean's prices that {@code GET /v2/sizes} leaves out (load balancers, managed database nodes): read from a
     * JSON price sheet at {@link #priceSheetUrl()} when set, else taken from this configuration, whose defaults are
     * DigitalOcean's published list prices.
     */
    interface DigitalOceanListPrices {

        /**
         * Where the price sheet is read ({@code http:}, {@code https:} or {@code file:}); unset means the prices
         * below. The local stack and the system tests point it at cloud-sim's {@code /_sim/prices/digitalocean}.
         */
        Optional<URI> priceSheetUrl();

        /**
         * USD per month per load balancer size unit (node) when no price sheet is configured; DigitalOcean's
         * published list price.
         */
        @WithDefault("12.00")
        BigDecimal loadBalancerUnitMonthlyUsd();

        /**
         * USD per month per managed database node by size slug (e.g. {@code db-s-2vcpu-4gb}) when no price sheet is
         * configured; a standby node costs what the primary node costs. Defaults in {@code application.properties}:
         * DigitalOcean's published list prices.
         */
        Map<String, BigDecimal> databaseNodeMonthlyUsd();
    }
}
