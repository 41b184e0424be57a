package dev.provisioning.costservice.service;

import java.util.List;

/**
 * Resources to estimate before they exist, e.g. one line per planned size.
 *
 * @param resources what to price; {@code count} defaults to 1
 */
public record EstimateRequest(List<Item> resources) {

    /** One priced line: {@code count} resources of one price key at one provider. */
    public record Item(String provider, String priceKey, Integer count) {
    }
}
