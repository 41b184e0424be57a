package dev.provisioning.costservice.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * Resources to estimate before they exist, e.g. one line per planned size; optionally for a workspace and its
 * budget, to learn what the whole workspace would cost after the plan.
 *
 * @param resources        what to price; {@code count} defaults to 1
 * @param workspace        the workspace the plan is for; the estimate then adds its stored monthly total
 *                         ({@code currentMonthlyUsd}) to give {@code projectedMonthlyUsd}
 * @param budgetMonthlyUsd the workspace's monthly budget (needs {@code workspace}); recorded as its latest budget and
 *                         compared with the projection
 * @param removedAddresses resources of the workspace the plan deletes or replaces: their stored amounts leave the
 *                         projection (a replacement's new price is one of {@code resources})
 */
public record EstimateRequest(List<Item> resources, String workspace, BigDecimal budgetMonthlyUsd,
                              List<String> removedAddresses) {

    /** An estimate of resources alone, for no workspace. */
    public EstimateRequest(List<Item> resources) {
        this(resources, null, null, null);
    }

    /** One priced line: {@code count} resources of one price key at one provider. */
    public record Item(String provider, String priceKey, Integer count) {
    }
}
