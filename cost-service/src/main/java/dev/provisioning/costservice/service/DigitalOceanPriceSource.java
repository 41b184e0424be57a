package dev.provisioning.costservice.service;

import com.myjeeva.digitalocean.pojo.Size;
import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.client.DigitalOceanSizesClient;
import dev.provisioning.costservice.client.DigitalOceanUnavailableException;
import dev.provisioning.costservice.config.CostConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DigitalOcean's prices: {@code digitalocean:size:<slug>} is the size's {@code price_monthly} from GET /v2/sizes;
 * {@code digitalocean:load-balancer:<size_unit>} is the configured list price per size unit times the units, since
 * DigitalOcean's API lists no load balancer price.
 */
@ApplicationScoped
public class DigitalOceanPriceSource implements PriceSource {

    public static final String KEY_PREFIX = "digitalocean:size:";
    public static final String LOAD_BALANCER_PREFIX = "digitalocean:load-balancer:";
    /** DigitalOcean accepts 1 to 100 size units (nodes) per load balancer. */
    static final int MAX_LOAD_BALANCER_UNITS = 100;

    private final DigitalOceanSizesClient sizes;
    private final BigDecimal loadBalancerUnitMonthlyUsd;

    public DigitalOceanPriceSource(DigitalOceanSizesClient sizes, CostConfig config) {
        this.sizes = sizes;
        this.loadBalancerUnitMonthlyUsd = config.digitalocean().loadBalancerUnitMonthlyUsd();
        if (loadBalancerUnitMonthlyUsd.signum() < 0) {
            throw new IllegalArgumentException("provisioning.cost.digitalocean.load-balancer-unit-monthly-usd must not "
                    + "be negative, got " + loadBalancerUnitMonthlyUsd.toPlainString());
        }
    }

    @Override
    public Provider provider() {
        return Provider.DIGITALOCEAN;
    }

    @Override
    public String keyFormat() {
        return KEY_PREFIX + "<slug> or " + LOAD_BALANCER_PREFIX + "<size_unit 1-" + MAX_LOAD_BALANCER_UNITS + ">";
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
        for (int units = 1; units <= MAX_LOAD_BALANCER_UNITS; units++) {
            prices.put(LOAD_BALANCER_PREFIX + units, loadBalancerUnitMonthlyUsd.multiply(BigDecimal.valueOf(units)));
        }
        return new PriceList(Provider.DIGITALOCEAN, CurrencyConverter.USD, prices, Instant.now());
    }
}
