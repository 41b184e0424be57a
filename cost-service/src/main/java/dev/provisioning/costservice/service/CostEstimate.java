package dev.provisioning.costservice.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.provisioning.contracts.Provider;
import java.math.BigDecimal;
import java.util.List;

/**
 * The monthly USD cost of a set of planned resources, line by line; for a workspace also what the whole workspace
 * would cost after the plan, and how that compares with its budget.
 *
 * @param currentMonthlyUsd        the workspace's stored monthly total now (priced resources; $0.00 for a workspace
 *                                 cost-service has not seen)
 * @param currentUnpricedResources stored resources of the workspace without a price, not in the figures
 * @param removedMonthlyUsd        the stored amounts of the {@code removedAddresses}
 * @param projectedMonthlyUsd      {@code currentMonthlyUsd - removedMonthlyUsd + monthlyUsd}
 * @param budget                   the comparison with the given budget; null without one
 * @param warning                  a sentence for people when the projection exceeds the budget
 */
public record CostEstimate(String currency, BigDecimal monthlyUsd, List<Line> items,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String workspace,
                           @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal currentMonthlyUsd,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer currentUnpricedResources,
                           @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal removedMonthlyUsd,
                           @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal projectedMonthlyUsd,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Budget budget,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {

    /** An estimate of the lines alone. */
    public CostEstimate(String currency, BigDecimal monthlyUsd, List<Line> items) {
        this(currency, monthlyUsd, items, null, null, null, null, null, null, null);
    }

    /** This estimate with the projection of the whole workspace. */
    public CostEstimate forWorkspace(String workspace, BigDecimal current, int unpriced, BigDecimal removed,
                                     BigDecimal projected, Budget budget, String warning) {
        return new CostEstimate(currency, monthlyUsd, items, workspace, current, unpriced, removed, projected, budget,
                warning);
    }

    /**
     * One estimated line: {@code count} times {@code unitMonthlyUsd}.
     *
     * @param unit what {@code count} counts when the key is priced per unit ({@code GB}); null for whole resources
     */
    public record Line(Provider provider, String priceKey, int count, BigDecimal unitMonthlyUsd,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
                       BigDecimal monthlyUsd) {
    }

    /**
     * The projection against the budget.
     *
     * @param exceededByUsd how far the projection is above the budget; 0.00 when within it
     */
    public record Budget(BigDecimal monthlyUsd, BigDecimal projectedMonthlyUsd, BigDecimal exceededByUsd,
                         boolean exceeded) {

        public static Budget of(BigDecimal monthlyUsd, BigDecimal projectedMonthlyUsd) {
            BigDecimal over = projectedMonthlyUsd.subtract(monthlyUsd);
            boolean exceeded = over.signum() > 0;
            return new Budget(CurrencyConverter.cents(monthlyUsd), CurrencyConverter.cents(projectedMonthlyUsd),
                    CurrencyConverter.cents(exceeded ? over : BigDecimal.ZERO), exceeded);
        }
    }
}
