package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's monthly prices by price key, in the currency the provider lists them in.
 *
 * @param monthlyByKey e.g. {@code digitalocean:size:s-2vcpu-4gb -> 24.00}
 * @param unitByKey    the keys priced per unit rather than per resource, and their unit, e.g.
 *                     {@code hetzner:volume:nbg1 -> GB} (the monthly price is then per GB)
 */
public record PriceList(Provider provider, Currency currency, Map<String, BigDecimal> monthlyByKey,
                        Map<String, String> unitByKey, Instant fetchedAt) {

    public PriceList {
        monthlyByKey = Collections.unmodifiableMap(new LinkedHashMap<>(monthlyByKey));
        unitByKey = Map.copyOf(unitByKey);
    }

    /** A list whose every price is per resource. */
    public PriceList(Provider provider, Currency currency, Map<String, BigDecimal> monthlyByKey, Instant fetchedAt) {
        this(provider, currency, monthlyByKey, Map.of(), fetchedAt);
    }

    public List<String> keys() {
        return List.copyOf(monthlyByKey.keySet());
    }

    /** The unit a key is priced per, when it is not priced per resource. */
    public Optional<String> unitOf(String priceKey) {
        return Optional.ofNullable(unitByKey.get(priceKey));
    }
}
