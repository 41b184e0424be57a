package dev.provisioning.costservice.service;

import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.messages.BudgetExceeded;
import dev.provisioning.costservice.ResourceCost;
import dev.provisioning.costservice.messaging.CostEventsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Turns a plan-time estimate for a workspace into what the whole workspace would cost after the plan: its stored
 * monthly total, minus what the plan removes, plus the estimate. With a budget, records it as the workspace's latest,
 * compares, and announces {@code BudgetExceeded} ({@code source: estimate}) when the projection is above it.
 */
@ApplicationScoped
public class WorkspaceProjection {

    private static final Logger LOG = Logger.getLogger(WorkspaceProjection.class);
    /** Far above any workspace; keeps amounts within the stored precision. */
    static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000");
    private static final String WORKSPACE_NAMES =
            "lowercase letters, digits, '.', '_' or '-' (1-128 characters, alphanumeric at both ends)";

    private final LedgerBudgetCheck ledgerBudgets;
    private final CostEventsPublisher publisher;
    private final MeterRegistry meters;

    public WorkspaceProjection(LedgerBudgetCheck ledgerBudgets, CostEventsPublisher publisher, MeterRegistry meters) {
        this.ledgerBudgets = ledgerBudgets;
        this.publisher = publisher;
        this.meters = meters;
    }

    /**
     * Checks the request's workspace, budget and removed addresses, before anything is priced or recorded.
     *
     * @throws InvalidFieldException naming the field, the value and what is allowed
     */
    public void validate(EstimateRequest request) {
        String workspace = request.workspace();
        if (workspace == null) {
            if (request.budgetMonthlyUsd() != null) {
                throw new InvalidFieldException("budgetMonthlyUsd", request.budgetMonthlyUsd(),
                        "needs the workspace it is the budget of", "a workspace name in 'workspace'");
            }
            if (request.removedAddresses() != null && !request.removedAddresses().isEmpty()) {
                throw new InvalidFieldException("removedAddresses", request.removedAddresses(),
                        "needs the workspace they belong to", "a workspace name in 'workspace'");
            }
            return;
        }
        if (!ResourceAddress.isValidSegment(workspace)) {
            throw new InvalidFieldException("workspace", workspace, "is not a valid workspace name", WORKSPACE_NAMES);
        }
        BigDecimal budget = request.budgetMonthlyUsd();
        if (budget != null && (budget.signum() < 0 || budget.compareTo(MAX_BUDGET) > 0)) {
            throw new InvalidFieldException("budgetMonthlyUsd", budget, "is out of range",
                    "USD per month from 0 to " + MAX_BUDGET.toPlainString());
        }
        List<String> removed = request.removedAddresses() == null ? List.of() : request.removedAddresses();
        for (int i = 0; i < removed.size(); i++) {
            String field = "removedAddresses[" + i + "]";
            String allowed = "an address " + workspace + "/<region>/<kind>/<name>";
            ResourceAddress address;
            try {
                address = ResourceAddress.parse(removed.get(i));
            } catch (RuntimeException e) {
                throw new InvalidFieldException(field, removed.get(i), "is not a resource address", allowed);
            }
            if (!address.workspace().equals(workspace)) {
                throw new InvalidFieldException(field, removed.get(i), "is not in workspace " + workspace, allowed);
            }
        }
    }

    /** The estimate with the workspace's projection and budget; the estimate itself when it names no workspace. */
    @WithSpan("WorkspaceProjection.project")
    public CostEstimate project(EstimateRequest request, CostEstimate estimate) {
        String workspace = request.workspace();
        if (workspace == null) {
            return estimate;
        }
        BigDecimal budgetUsd = request.budgetMonthlyUsd();
        if (budgetUsd != null) {
            try {
                ledgerBudgets.afterBudgetGiven(workspace, budgetUsd);
            } catch (RuntimeException e) {
                LOG.warnf("budget of %s recorded, its crossing is announced on the next change: %s", workspace,
                        e.getMessage());
            }
        }
        BigDecimal current = CurrencyConverter.cents(ResourceCost.monthlyTotal(workspace));
        int unpriced = (int) ResourceCost.uncountedResources(workspace);
        BigDecimal removed = request.removedAddresses() == null ? null : CurrencyConverter.cents(
                ResourceCost.monthlyTotalOf(workspace, new ArrayList<>(
                        new LinkedHashSet<>(request.removedAddresses()))));
        BigDecimal projected = current.subtract(removed == null ? BigDecimal.ZERO : removed).add(estimate.monthlyUsd());
        CostEstimate.Budget budget = budgetUsd == null ? null : CostEstimate.Budget.of(budgetUsd, projected);
        String warning = null;
        if (budget != null && budget.exceeded()) {
            warning = warning(workspace, current, removed, estimate.monthlyUsd(), budget, unpriced);
            announce(new BudgetExceeded(workspace, budget.monthlyUsd(), budget.projectedMonthlyUsd(),
                    BudgetExceeded.ESTIMATE, Instant.now()));
        }
        return estimate.forWorkspace(workspace, current, unpriced, removed, CurrencyConverter.cents(projected), budget,
                warning);
    }

    /** Published for people and tools following the events; the answer carries the warning either way. */
    private void announce(BudgetExceeded event) {
        try {
            publisher.publish(event);
            meters.counter("cost.budget.exceeded", "source", BudgetExceeded.ESTIMATE).increment();
        } catch (RuntimeException e) {
            LOG.warnf("BudgetExceeded for %s stays unpublished: %s", event.workspace(), e.getMessage());
        }
    }

    private static String warning(String workspace, BigDecimal current, BigDecimal removed, BigDecimal planned,
                                  CostEstimate.Budget budget, int unpriced) {
        StringBuilder text = new StringBuilder("Workspace '").append(workspace).append("' would cost ")
                .append(usd(budget.projectedMonthlyUsd())).append("/month after this plan (")
                .append(usd(current)).append(" now");
        if (removed != null && removed.signum() != 0) {
            text.append(", ").append(usd(removed)).append(" removed");
        }
        text.append(", ").append(usd(planned)).append(" planned), ").append(usd(budget.exceededByUsd()))
                .append(" over its budget of ").append(usd(budget.monthlyUsd())).append("/month.");
        if (unpriced > 0) {
            text.append(' ').append(unpriced).append(unpriced == 1 ? " resource" : " resources")
                    .append(" without a price not included.");
        }
        return text.toString();
    }

    private static String usd(BigDecimal amount) {
        return String.format(Locale.US, "$%,.2f", amount);
    }
}
