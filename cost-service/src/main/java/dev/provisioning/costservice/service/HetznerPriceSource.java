package dev.provisioning.costservice.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.client.HetznerPricingClient;
import dev.provisioning.costservice.client.PriceDataException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hetzner's prices from {@code GET /v1/pricing} (net, in the list's currency, EUR): server types and load balancer
 * types per location by {@code price_monthly.net}, volumes per GB-month in every location.
 */
@ApplicationScoped
public class HetznerPriceSource implements PriceSource {

    public static final String SERVER_TYPE_PREFIX = "hetzner:server-type:";
    public static final String LOAD_BALANCER_TYPE_PREFIX = "hetzner:load-balancer-type:";
    public static final String VOLUME_PREFIX = "hetzner:volume:";
    static final String PER_GB = "GB";

    private final HetznerPricingClient client;

    public HetznerPriceSource(HetznerPricingClient client) {
        this.client = client;
    }

    @Override
    public Provider provider() {
        return Provider.HETZNER;
    }

    @Override
    public String keyFormat() {
        return SERVER_TYPE_PREFIX + "<type>:<location>, " + LOAD_BALANCER_TYPE_PREFIX + "<type>:<location> or "
                + VOLUME_PREFIX + "<location> (per GB)";
    }

    @Override
    public PriceList fetch() {
        try {
            JsonNode pricing = client.pricing();
            Currency currency = currency(pricing.path("currency").asText(""));
            Map<String, BigDecimal> monthly = new LinkedHashMap<>();
            Map<String, String> units = new LinkedHashMap<>();
            perLocation(pricing.path("server_types"), SERVER_TYPE_PREFIX, monthly);
            perLocation(pricing.path("load_balancer_types"), LOAD_BALANCER_TYPE_PREFIX, monthly);
            BigDecimal perGb = net(pricing.path("volume").path("price_per_gb_month"));
            if (perGb != null) {
                for (String location : client.locationNames()) {
                    monthly.put(VOLUME_PREFIX + location, perGb);
                    units.put(VOLUME_PREFIX + location, PER_GB);
                }
            }
            return new PriceList(Provider.HETZNER, currency, monthly, units, Instant.now());
        } catch (PriceDataException e) {
            throw new PriceDataUnavailableException(Provider.HETZNER, "Hetzner price data unavailable: "
                    + e.getMessage(), e);
        }
    }

    private static void perLocation(JsonNode types, String prefix, Map<String, BigDecimal> monthly) {
        for (JsonNode type : types) {
            String name = type.path("name").asText("");
            for (JsonNode price : type.path("prices")) {
                String location = price.path("location").asText("");
                BigDecimal net = net(price.path("price_monthly"));
                // A type without a monthly price in a location cannot be billed there; it stays an unknown key.
                if (!name.isEmpty() && !location.isEmpty() && net != null) {
                    monthly.put(prefix + name + ":" + location, net);
                }
            }
        }
    }

    /** Hetzner sends amounts as decimal strings ("20.9000000000"); net, since VAT depends on the customer. */
    private static BigDecimal net(JsonNode price) {
        String net = price.path("net").asText("");
        if (net.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(net).stripTrailingZeros();
        } catch (NumberFormatException notAnAmount) {
            return null;
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new PriceDataException("Hetzner /v1/pricing names an unknown currency '" + code + "'", e);
        }
    }
}
