package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.costservice.Component;
import dev.provisioning.costservice.PriceStatus;
import dev.provisioning.costservice.ResourceCost;
import dev.provisioning.costservice.TrackedWorkspace;
import dev.provisioning.costservice.WorkspaceBudget;
import dev.provisioning.costservice.service.WorkspaceCostReport.ComponentCost;
import dev.provisioning.costservice.service.WorkspaceCostReport.ProviderCost;
import dev.provisioning.costservice.service.WorkspaceCostReport.RegionCost;
import dev.provisioning.costservice.service.WorkspaceCostReport.ResourceLine;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds a workspace's cost views from the stored rows. */
@ApplicationScoped
public class WorkspaceCosts {

    private static final BigDecimal ZERO = CurrencyConverter.cents(BigDecimal.ZERO);

    /**
     * The workspace's costs. Regions and providers come in the order their first resource appeared (the planner
     * provisions the primary region first), components in the order of {@link Component}.
     *
     * @throws InvalidFieldException     when the name cannot be a workspace name
     * @throws UnknownWorkspaceException when no event about the workspace has arrived
     */
    @WithSpan("WorkspaceCosts.report")
    public WorkspaceCostReport report(@SpanAttribute("workspace") String workspace) {
        if (!ResourceAddress.isValidSegment(workspace)) {
            throw new InvalidFieldException("workspace", workspace, "is not a valid workspace name",
                    "lowercase letters, digits, '.', '_' or '-' (1-128 characters, alphanumeric at both ends)");
        }
        if (!TrackedWorkspace.isKnown(workspace)) {
            throw new UnknownWorkspaceException(workspace);
        }
        List<ResourceCost> rows = ResourceCost.forWorkspace(workspace);
        Map<String, Totals> byRegion = group(rows, r -> r.region);
        Map<Provider, Totals> byProvider = group(rows, ResourceCost::providerValue);
        Map<Component, Totals> byComponent = group(rows.stream()
                .sorted(Comparator.comparing(ResourceCost::componentValue)).toList(), ResourceCost::componentValue);

        List<String> regionOrder = List.copyOf(byRegion.keySet());
        List<ResourceLine> resources = rows.stream()
                .sorted(Comparator.<ResourceCost>comparingInt(r -> regionOrder.indexOf(r.region))
                        .thenComparing(ResourceCost::componentValue)
                        .thenComparing(r -> r.address))
                .map(WorkspaceCosts::line)
                .toList();
        BigDecimal total = CurrencyConverter.cents(rows.stream().filter(ResourceCost::isCounted)
                .map(r -> r.monthlyUsd).reduce(ZERO, BigDecimal::add));
        int unpriced = (int) rows.stream().filter(r -> !r.isCounted()).count();

        List<RegionCost> regions = new ArrayList<>();
        byRegion.forEach((region, t) -> regions.add(new RegionCost(region, t.monthlyUsd, t.resources)));
        List<ProviderCost> providers = new ArrayList<>();
        byProvider.forEach((provider, t) -> providers.add(new ProviderCost(provider, t.monthlyUsd, t.resources)));
        List<ComponentCost> components = new ArrayList<>();
        byComponent.forEach((component, t) -> components.add(new ComponentCost(component, t.monthlyUsd, t.resources)));
        WorkspaceCostReport.BudgetStatus budget = WorkspaceBudget.of(workspace).map(b -> budgetStatus(b, total))
                .orElse(null);
        return new WorkspaceCostReport(workspace, "USD", total, regions, providers, components, resources, unpriced,
                budget);
    }

    private static WorkspaceCostReport.BudgetStatus budgetStatus(WorkspaceBudget budget, BigDecimal total) {
        BigDecimal over = total.subtract(budget.monthlyUsd);
        boolean exceeded = over.signum() > 0;
        return new WorkspaceCostReport.BudgetStatus(CurrencyConverter.cents(budget.monthlyUsd),
                exceeded ? CurrencyConverter.cents(over) : ZERO, exceeded, budget.recordedAt);
    }

    private static <K> Map<K, Totals> group(List<ResourceCost> rows, Function<ResourceCost, K> key) {
        Map<K, Totals> groups = new LinkedHashMap<>();
        for (ResourceCost row : rows) {
            Totals totals = groups.computeIfAbsent(key.apply(row), k -> new Totals());
            totals.resources++;
            if (row.isCounted()) {
                totals.monthlyUsd = totals.monthlyUsd.add(row.monthlyUsd);
            }
        }
        return groups;
    }

    private static ResourceLine line(ResourceCost row) {
        boolean included = row.priceStatus == PriceStatus.INCLUDED;
        return new ResourceLine(row.address, row.region, row.providerValue(), row.componentValue(), row.kind, row.name,
                row.priceKey, row.monthlyUsd == null ? null : CurrencyConverter.cents(row.monthlyUsd), row.priceStatus,
                included ? null : row.unpricedReason, row.rolloutId, row.pricedAt,
                included ? row.unpricedReason : null);
    }

    private static final class Totals {
        private BigDecimal monthlyUsd = ZERO;
        private int resources;
    }
}
