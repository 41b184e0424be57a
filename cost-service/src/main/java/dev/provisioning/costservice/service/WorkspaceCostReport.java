package dev.provisioning.costservice.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.Component;
import dev.provisioning.costservice.PriceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a workspace costs per month in USD, in total and broken down by region, provider and component, with every
 * resource behind the figures (unpriced ones included, with their reason), and its budget when one was recorded.
 */
public record WorkspaceCostReport(String workspace, String currency, BigDecimal monthlyTotal,
                                  List<RegionCost> byRegion, List<ProviderCost> byProvider,
                                  List<ComponentCost> byComponent, List<ResourceLine> resources,
                                  int unpricedResources,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) BudgetStatus budget) {

    /** A report of a workspace without a budget. */
    public WorkspaceCostReport(String workspace, String currency, BigDecimal monthlyTotal, List<RegionCost> byRegion,
                               List<ProviderCost> byProvider, List<ComponentCost> byComponent,
                               List<ResourceLine> resources, int unpricedResources) {
        this(workspace, currency, monthlyTotal, byRegion, byProvider, byComponent, resources, unpricedResources, null);
    }

    /** One region's monthly cost; {@code resources} counts the priced and unpriced resources in it. */
    public record RegionCost(String region, BigDecimal monthlyUsd, int resources) {
    }

    /** One provider's monthly cost. */
    public record ProviderCost(Provider provider, BigDecimal monthlyUsd, int resources) {
    }

    /** One component's monthly cost. */
    public record ComponentCost(Component component, BigDecimal monthlyUsd, int resources) {
    }

    /**
     * One stored resource; {@code monthlyUsd} is null and {@code unpricedReason} says why when it is unpriced. An
     * included resource ({@code status} {@code included}) is $0.00 and its {@code note} says why.
     */
    public record ResourceLine(String address, String region, Provider provider, Component component, String kind,
                               String name, String priceKey, BigDecimal monthlyUsd, PriceStatus status,
                               String unpricedReason, String rolloutId, Instant pricedAt,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        /** A line without a note. */
        public ResourceLine(String address, String region, Provider provider, Component component, String kind,
                            String name, String priceKey, BigDecimal monthlyUsd, PriceStatus status,
                            String unpricedReason, String rolloutId, Instant pricedAt) {
            this(address, region, provider, component, kind, name, priceKey, monthlyUsd, status, unpricedReason,
                    rolloutId, pricedAt, null);
        }
    }

    /**
     * The workspace's latest recorded budget against its monthly total.
     *
     * @param exceededByUsd how far the total is above the budget; 0.00 when within it
     */
    public record BudgetStatus(BigDecimal monthlyUsd, BigDecimal exceededByUsd, boolean exceeded,
                               Instant recordedAt) {
    }
}
