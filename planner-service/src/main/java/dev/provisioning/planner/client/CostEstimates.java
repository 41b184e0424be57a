package dev.provisioning.planner.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.cloudevents.JsonMapping;
import dev.provisioning.planner.config.PlannerConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Asks cost-service what one unit of a price key costs per month ({@code POST /api/v1/costs/estimate}). */
@ApplicationScoped
public class CostEstimates {

    /** A monthly price, or why there is none. */
    public record Estimate(BigDecimal monthlyUsd, String unavailableReason) {
        public static Estimate unavailable(String reason) {
            return new Estimate(null, reason);
        }
    }

    /** One priced line of a whole plan: units of a price key at a provider. */
    public record Line(Provider provider, String priceKey, int units) {
    }

    /**
     * The workspace's budget against what it would cost after the plan ({@code warning} is null within budget).
     */
    public record BudgetCheck(BigDecimal monthlyUsd, BigDecimal projectedMonthlyUsd, BigDecimal exceededByUsd,
                              boolean exceeded, String warning) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI estimate;

    public CostEstimates(PlannerConfig config) {
        this.estimate = URI.create(config.costService().url() + "/api/v1/costs/estimate");
    }

    /**
     * Asks cost-service what the workspace would cost per month after the plan (its current total, less what the
     * plan removes or replaces, plus what it creates) against its budget; cost-service records the budget and
     * publishes {@code BudgetExceeded} when the projection is over it. Empty when cost-service cannot answer.
     */
    @WithSpan("cost budget check")
    public Optional<BudgetCheck> budget(String workspace, BigDecimal budgetMonthlyUsd, java.util.List<Line> lines,
                                        java.util.List<String> removedAddresses, java.util.List<String> notes) {
        ObjectNode body = JsonMapping.mapper().createObjectNode();
        body.put("workspace", workspace).put("budgetMonthlyUsd", budgetMonthlyUsd);
        var resources = body.putArray("resources");
        lines.forEach(line -> resources.addObject().put("provider", line.provider().id())
                .put("priceKey", line.priceKey()).put("count", line.units()));
        var removed = body.putArray("removedAddresses");
        removedAddresses.forEach(removed::add);
        try {
            HttpResponse<String> response = post(body);
            JsonNode answer = JsonMapping.mapper().readTree(response.body());
            JsonNode budget = answer.path("budget");
            if (response.statusCode() != 200 || !budget.isObject()) {
                notes.add("budget: cost-service answered " + response.statusCode()
                        + Optional.ofNullable(answer.path("detail").textValue()).map(d -> ": " + d).orElse(""));
                return Optional.empty();
            }
            return Optional.of(new BudgetCheck(budget.path("monthlyUsd").decimalValue(),
                    budget.path("projectedMonthlyUsd").decimalValue(), budget.path("exceededByUsd").decimalValue(),
                    budget.path("exceeded").asBoolean(), answer.path("warning").textValue()));
        } catch (java.io.IOException e) {
            notes.add("budget: cost-service unreachable: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @WithSpan("cost estimate")
    public Estimate monthly(Provider provider, String priceKey, int units) {
        ObjectNode body = JsonMapping.mapper().createObjectNode();
        ObjectNode item = body.putArray("resources").addObject();
        item.put("provider", provider.id()).put("priceKey", priceKey).put("count", units);
        try {
            HttpResponse<String> response = post(body);
            JsonNode answer = JsonMapping.mapper().readTree(response.body());
            if (response.statusCode() == 200) {
                return new Estimate(answer.path("monthlyUsd").decimalValue(), null);
            }
            return Estimate.unavailable(Optional.ofNullable(answer.path("detail").textValue())
                    .orElse("cost-service answered " + response.statusCode()));
        } catch (java.io.IOException e) {
            return Estimate.unavailable("cost-service unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Estimate.unavailable("interrupted");
        }
    }

    private HttpResponse<String> post(ObjectNode body) throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(estimate)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
