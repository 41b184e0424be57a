package dev.provisioning.costservice.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.provisioning.contracts.Provider;
import java.math.BigDecimal;
import java.util.List;

/** The monthly USD cost of a set of planned resources, line by line. */
public record CostEstimate(String currency, BigDecimal monthlyUsd, List<Line> items) {

    /**
     * One estimated line: {@code count} times {@code unitMonthlyUsd}.
     *
     * @param unit what {@code count} counts when the key is priced per unit ({@code GB}); null for whole resources
     */
    public record Line(Provider provider, String priceKey, int count, BigDecimal unitMonthlyUsd,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
                       BigDecimal monthlyUsd) {
    }
}
