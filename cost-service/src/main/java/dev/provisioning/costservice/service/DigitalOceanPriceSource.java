package dev.provisioning.costservice.service;

import com.myjeeva.digitalocean.pojo.Size;
import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.client.DigitalOceanPriceSheetClient;
import dev.provisioning.costservice.client.DigitalOceanSizesClient;
import dev.provisioning.costservice.client.DigitalOceanUnavailableException;
import dev.provisioning.costservice.client.PriceDataException;
import dev.provisioning.costservice.config.CostConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DigitalOcean's prices: {@code digitalocean:size:<slug>} is the size's {@code price_monthly} from GET /v2/sizes.
 * DigitalOcean's API lists no price for load balancers or managed databases, so those come from a price sheet
 * ({@link DigitalOceanPriceSheet}: read from {@code provisioning.cost.digitalocean.price-sheet-url}, else the
 * configuration): {@code digitalocean:load-balancer:<size_unit>} is the price per size unit times the units, and
 * {@code digitalocean:database:<size>:<num_nodes>} the price per node of the size times the nodes.
 */
@ApplicationScoped
public class DigitalOceanPriceSource implements PriceSource {

    public static final String KEY_PREFIX = "digitalocean:size:";
    public static final String LOAD_BALANCER_PREFIX = "digitalocean:load-balancer:";
    public static final String DATABASE_PREFIX = "digitalocean:database:";
    /** DigitalOcean accepts 1 to 100 size units (nodes) per load balancer. */
    static final int MAX_LOAD_BALANCER_UNITS = 100;
    /** A PostgreSQL cluster is a primary and up to two standby nodes. */
    static final int MAX_DATABASE_NODES = 3;

    private final DigitalOceanSizesClient sizes;
    private final DigitalOceanPriceSheetClient sheets;
    private final DigitalOceanPriceSheet configured;

    public DigitalOceanPriceSource(DigitalOceanSizesClient sizes, DigitalOceanPriceSheetClient sheets,
                                   CostConfig config) {
        this.sizes = sizes;
        this.sheets = sheets;
        try {
            this.configured = DigitalOceanPriceSheet.configured(config.digitalocean());
        } catch (PriceDataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Provider provider() {
        return Provider.DIGITALOCEAN;
    }

    @Override
    public String keyFormat() {
        return KEY_PREFIX + "<slug>, " + LOAD_BALANCER_PREFIX + "<size_unit 1-" + MAX_LOAD_BALANCER_UNITS + "> or "
                + DATABASE_PREFIX + "<size>:<num_nodes 1-" + MAX_DATABASE_NODES + ">";
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
        DigitalOceanPriceSheet sheet = sheet();
        sheet.databaseNodeMonthly().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(node -> {
            for (int nodes = 1; nodes <= MAX_DATABASE_NODES; nodes++) {
                prices.put(DATABASE_PREFIX + node.getKey() + ":" + nodes, times(node.getValue(), nodes));
            }
        });
        for (int units = 1; units <= MAX_LOAD_BALANCER_UNITS; units++) {
            prices.put(LOAD_BALANCER_PREFIX + units, times(sheet.loadBalancerSizeUnitMonthly(), units));
        }
        return new PriceList(Provider.DIGITALOCEAN, CurrencyConverter.USD, prices, Instant.now());
    }

    /** The price sheet in force: read from its URL on every refresh of the list, else the configured one. */
    private DigitalOceanPriceSheet sheet() {
        if (sheets.url().isEmpty()) {
            return configured;
        }
        try {
            return DigitalOceanPriceSheet.parse(sheets.read(), sheets.url().get().toString());
        } catch (PriceDataException e) {
            throw new PriceDataUnavailableException(Provider.DIGITALOCEAN,
                    "DigitalOcean price data unavailable: " + e.getMessage(), e);
        }
    }

    private static BigDecimal times(BigDecimal price, int count) {
        return price.multiply(BigDecimal.valueOf(count));
    }
}
