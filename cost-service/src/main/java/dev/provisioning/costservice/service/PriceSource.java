package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;

/**
 * Where one provider's prices come from: its own price data, read through its API. Adding a provider (Hetzner
 * {@code /v1/pricing} in EUR, AWS pricing) means adding one implementation; {@link PriceCatalog} caches and converts.
 */
public interface PriceSource {

    Provider provider();

    /** How this provider's price keys look, for error messages, e.g. {@code digitalocean:size:<slug>}. */
    String keyFormat();

    /**
     * Reads the provider's current price list, uncached.
     *
     * @throws PriceDataUnavailableException when the provider's price data cannot be read
     */
    PriceList fetch();
}
