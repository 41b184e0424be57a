package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One provider's monthly prices by price key, in the currency the provider lists them in.
 *
 * @param monthlyByKey e.g. {@code digitalocean:size:s-2vcpu-4gb -> 24.00}
 */
public record PriceList(Provider provider, Currency currency, Map<String, BigDecimal> monthlyByKey,
                        Instant fetchedAt) {

    public PriceList {
        monthlyByKey = Collections.unmodifiableMap(new LinkedHashMap<>(monthlyByKey));
    }

    public List<String> keys() {
        return List.copyOf(monthlyByKey.keySet());
    }
}
