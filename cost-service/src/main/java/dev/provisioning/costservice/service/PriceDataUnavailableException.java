package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.PriceStatus;

/** The provider's price data could not be read and no earlier copy is cached. */
public class PriceDataUnavailableException extends UnpriceableException {

    private final Provider provider;

    public PriceDataUnavailableException(Provider provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public Provider provider() {
        return provider;
    }

    @Override
    public PriceStatus status() {
        return PriceStatus.PRICE_DATA_UNAVAILABLE;
    }
}
