package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.Component;
import dev.provisioning.costservice.PriceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a workspace costs per month in USD, in total and broken down by region, provider and component, with every
 * resource behind the figures (unpriced ones included, with their reason).
 */
public record WorkspaceCostReport(String workspace, String currency, BigDecimal monthlyTotal,
                                  List<RegionCost> byRegion, List<ProviderCost> byProvider,
                                  List<ComponentCost> byComponent, List<ResourceLine> resources,
                                  int unpricedResources) {

    /** One region's monthly cost; {@code resources} counts the priced and unpriced resources in it. */
    public record RegionCost(String region, BigDecimal monthlyUsd, int resources) {
    }

    /** One provider's monthly cost. */
    public record ProviderCost(Provider provider, BigDecimal monthlyUsd, int resources) {
    }

    /** One component's monthly cost. */
    public record ComponentCost(Component component, BigDecimal monthlyUsd, int resources) {
    }

    /** One stored resource; {@code monthlyUsd} is null and {@code unpricedReason} says why when it is unpriced. */
    public record ResourceLine(String address, String region, Provider provider, Component component, String kind,
                               String name, String priceKey, BigDecimal monthlyUsd, PriceStatus status,
                               String unpricedReason, String rolloutId, Instant pricedAt) {
    }
}
