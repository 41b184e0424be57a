package dev.provisioning.costservice.service;

import com.myjeeva.digitalocean.pojo.Size;
import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.client.DigitalOceanSizesClient;
import dev.provisioning.costservice.client.DigitalOceanUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** DigitalOcean's prices: {@code digitalocean:size:<slug>} is the size's {@code price_monthly} from GET /v2/sizes. */
@ApplicationScoped
public class DigitalOceanPriceSource implements PriceSource {

    public static final String KEY_PREFIX = "digitalocean:size:";

    private final DigitalOceanSizesClient sizes;

    public DigitalOceanPriceSource(DigitalOceanSizesClient sizes) {
        this.sizes = sizes;
    }

    @Override
    public Provider provider() {
        return Provider.DIGITALOCEAN;
    }

    @Override
    public String keyFormat() {
        return KEY_PREFIX + "<slug>";
    }

    @Override
    public PriceList fetch() {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        try {
            for (Size size : sizes.sizes()) {
                // A size without a monthly price cannot be billed monthly; leaving it out makes it an unknown key.
                if (size.getPriceMonthly() != null) {
                    prices.put(KEY_PREFIX + size.getSlug(), size.getPriceMonthly());
                }
            }
        } catch (DigitalOceanUnavailableException e) {
            throw new PriceDataUnavailableException(Provider.DIGITALOCEAN,
                    "DigitalOcean price data unavailable: " + e.getMessage(), e);
        }
        return new PriceList(Provider.DIGITALOCEAN, CurrencyConverter.USD, prices, Instant.now());
    }
}
