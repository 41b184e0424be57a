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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI estimate;

    public CostEstimates(PlannerConfig config) {
        this.estimate = URI.create(config.costService().url() + "/api/v1/costs/estimate");
    }

    @WithSpan("cost estimate")
    public Estimate monthly(Provider provider, String priceKey, int units) {
        ObjectNode body = JsonMapping.mapper().createObjectNode();
        ObjectNode item = body.putArray("resources").addObject();
        item.put("provider", provider.id()).put("priceKey", priceKey).put("count", units);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(estimate)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
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
}
