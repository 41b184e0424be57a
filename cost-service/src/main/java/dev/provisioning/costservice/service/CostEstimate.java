package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import java.math.BigDecimal;
import java.util.List;

/** The monthly USD cost of a set of planned resources, line by line. */
public record CostEstimate(String currency, BigDecimal monthlyUsd, List<Line> items) {

    /** One estimated line: {@code count} times {@code unitMonthlyUsd}. */
    public record Line(Provider provider, String priceKey, int count, BigDecimal unitMonthlyUsd,
                       BigDecimal monthlyUsd) {
    }
}
