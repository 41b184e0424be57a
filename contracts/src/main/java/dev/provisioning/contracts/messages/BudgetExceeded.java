package dev.provisioning.contracts.messages;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Event from cost-service: a workspace's projected or actual monthly cost is above the budget set for it.
 *
 * @param workspace           the workspace, also the record key
 * @param budgetMonthlyUsd    the budget, USD per month
 * @param projectedMonthlyUsd what the workspace costs per month: after a plan ({@code source} {@value #ESTIMATE}) or
 *                            now, by the prices of its ready resources ({@code source} {@value #LEDGER})
 * @param source              {@value #ESTIMATE} (a plan-time estimate) or {@value #LEDGER} (the running total crossed
 *                            the budget; announced once per crossing)
 * @param at                  when cost-service found it
 */
public record BudgetExceeded(String workspace, BigDecimal budgetMonthlyUsd, BigDecimal projectedMonthlyUsd,
                             String source, Instant at) implements ProvisioningMessage {

    /** The projection of a plan-time estimate exceeded the budget. */
    public static final String ESTIMATE = "estimate";
    /** The stored costs of the workspace's ready resources crossed the budget. */
    public static final String LEDGER = "ledger";

    public BudgetExceeded {
        Require.text(workspace, "workspace");
        Require.present(budgetMonthlyUsd, "budgetMonthlyUsd");
        Require.present(projectedMonthlyUsd, "projectedMonthlyUsd");
        Require.text(source, "source");
        if (!source.equals(ESTIMATE) && !source.equals(LEDGER)) {
            throw new IllegalArgumentException("field 'source' must be '" + ESTIMATE + "' or '" + LEDGER + "', got '"
                    + source + "'");
        }
        Require.present(at, "at");
    }

    @Override
    public String key() {
        return workspace;
    }
}
