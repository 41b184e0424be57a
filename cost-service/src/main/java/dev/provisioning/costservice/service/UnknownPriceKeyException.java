package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.PriceStatus;
import java.util.List;

/** The price key is not in the provider's price list, or does not belong to the provider. */
public class UnknownPriceKeyException extends UnpriceableException {

    /** Listing every key would make an error unreadable; the key format says the rest. */
    private static final int LISTED_KEYS = 30;

    private final String priceKey;
    private final String keyFormat;
    private final List<String> knownKeys;

    public UnknownPriceKeyException(Provider provider, String priceKey, String reason, String keyFormat,
                                    List<String> knownKeys) {
        super("price key '" + priceKey + "' " + reason + " (" + provider.id() + " keys look like " + keyFormat + ")");
        this.priceKey = priceKey;
        this.keyFormat = keyFormat;
        this.knownKeys = List.copyOf(knownKeys);
    }

    public String priceKey() {
        return priceKey;
    }

    /** What is allowed instead: the key format and the keys the price list holds. */
    public String allowed() {
        if (knownKeys.isEmpty()) {
            return keyFormat;
        }
        List<String> shown = knownKeys.size() > LISTED_KEYS ? knownKeys.subList(0, LISTED_KEYS) : knownKeys;
        String more = knownKeys.size() > LISTED_KEYS ? ", ... (" + knownKeys.size() + " in all)" : "";
        return keyFormat + ", one of: " + String.join(", ", shown) + more;
    }

    @Override
    public PriceStatus status() {
        return PriceStatus.UNKNOWN_PRICE_KEY;
    }
}
