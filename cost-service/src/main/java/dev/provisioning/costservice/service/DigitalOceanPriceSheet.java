package dev.provisioning.costservice.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.costservice.client.PriceDataException;
import dev.provisioning.costservice.config.CostConfig.DigitalOceanListPrices;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * DigitalOcean's prices its API does not serve, in USD per month: per load balancer size unit, and per managed
 * database node by size slug (a standby node costs what the primary costs).
 *
 * <p>As a JSON price sheet:
 * <pre>{@code
 * {"currency": "USD",
 *  "load_balancer": {"size_unit_monthly": "12.00"},
 *  "database": {"node_monthly": {"db-s-1vcpu-1gb": "15.00", "db-s-2vcpu-4gb": "60.00"}}}
 * }</pre>
 * Amounts may be strings or numbers; other fields are ignored.
 *
 * @param source where the prices come from, for messages
 */
public record DigitalOceanPriceSheet(String source, BigDecimal loadBalancerSizeUnitMonthly,
                                     Map<String, BigDecimal> databaseNodeMonthly) {

    public DigitalOceanPriceSheet {
        nonNegative(loadBalancerSizeUnitMonthly, "load balancer size unit", source);
        databaseNodeMonthly.forEach((size, price) -> nonNegative(price, "database node " + size, source));
        databaseNodeMonthly = Map.copyOf(databaseNodeMonthly);
    }

    /** The prices of the configuration, used when no price sheet URL is set. */
    public static DigitalOceanPriceSheet configured(DigitalOceanListPrices config) {
        return new DigitalOceanPriceSheet("configuration (provisioning.cost.digitalocean.*)",
                config.loadBalancerUnitMonthlyUsd(), new TreeMap<>(config.databaseNodeMonthlyUsd()));
    }

    /**
     * Reads a price sheet document.
     *
     * @throws PriceDataException when it is not a USD price sheet with a load balancer price
     */
    public static DigitalOceanPriceSheet parse(JsonNode sheet, String source) {
        if (!sheet.isObject()) {
            throw new PriceDataException("the DigitalOcean price sheet at " + source + " is not a JSON object", null);
        }
        String currency = sheet.path("currency").asText("USD");
        if (!currency.equals("USD")) {
            throw new PriceDataException("the DigitalOcean price sheet at " + source + " is in " + currency
                    + "; DigitalOcean bills in USD", null);
        }
        BigDecimal loadBalancer = amount(sheet.path("load_balancer").path("size_unit_monthly"),
                "load_balancer.size_unit_monthly", source);
        if (loadBalancer == null) {
            throw new PriceDataException("the DigitalOcean price sheet at " + source
                    + " has no load_balancer.size_unit_monthly", null);
        }
        Map<String, BigDecimal> nodes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sheet.path("database").path("node_monthly").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            BigDecimal price = amount(entry.getValue(), "database.node_monthly." + entry.getKey(), source);
            if (price != null) {
                nodes.put(entry.getKey(), price);
            }
        }
        return new DigitalOceanPriceSheet(source, loadBalancer, nodes);
    }

    private static BigDecimal amount(JsonNode node, String field, String source) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw new PriceDataException("the DigitalOcean price sheet at " + source + " has " + field
                    + " that is not an amount: " + node, null);
        }
        try {
            return new BigDecimal(node.asText().strip());
        } catch (NumberFormatException e) {
            throw new PriceDataException("the DigitalOcean price sheet at " + source + " has " + field
                    + " that is not an amount: '" + node.asText() + "'", e);
        }
    }

    private static void nonNegative(BigDecimal price, String what, String source) {
        if (price == null || price.signum() < 0) {
            throw new PriceDataException("the DigitalOcean price of a " + what + " from " + source
                    + " must be a non-negative amount, got " + (price == null ? "none" : price.toPlainString()), null);
        }
    }
}
