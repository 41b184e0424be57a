package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.PriceStatus;
import java.util.Collection;
import java.util.stream.Collectors;

/** No price source exists for the provider (or the provider itself is unknown). */
public class UnsupportedProviderException extends UnpriceableException {

    private final String provider;
    private final String allowed;

    public UnsupportedProviderException(String provider, Collection<Provider> supported) {
        super("provider '" + provider + "' has no price source in cost-service");
        this.provider = provider;
        this.allowed = supported.stream().map(Provider::id).sorted().collect(Collectors.joining(", "));
    }

    public String provider() {
        return provider;
    }

    /** The providers that can be priced, comma-separated. */
    public String allowed() {
        return allowed;
    }

    @Override
    public PriceStatus status() {
        return PriceStatus.UNSUPPORTED_PROVIDER;
    }
}
