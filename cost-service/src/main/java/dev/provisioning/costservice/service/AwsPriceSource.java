package dev.provisioning.costservice.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.client.AwsPriceListClient;
import dev.provisioning.costservice.client.PriceDataException;
import dev.provisioning.costservice.config.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's prices from the Price List Query API: {@code aws:ec2:<type>:<region>} is the on-demand Linux hourly price
 * (shared tenancy, no pre-installed software, used capacity), {@code aws:elbv2:application:<region>} the
 * application load balancer's hourly charge and {@code aws:rds:<instance_class>:<region>} the on-demand hourly price
 * of a PostgreSQL Single-AZ database instance (a read replica is billed as one), each times {@value #HOURS_PER_MONTH}
 * hours. LCU charges depend on traffic, RDS storage and I/O on use; neither is included.
 */
@ApplicationScoped
public class AwsPriceSource implements PriceSource {

    public static final String EC2_PREFIX = "aws:ec2:";
    public static final String ALB_PREFIX = "aws:elbv2:application:";
    public static final String RDS_PREFIX = "aws:rds:";
    /** AWS's own monthly convention (8,760 hours a year / 12). */
    static final int HOURS_PER_MONTH = 730;

    private final AwsPriceListClient priceList;
    private final List<String> regions;

    public AwsPriceSource(AwsPriceListClient priceList, AwsConfig config) {
        this.priceList = priceList;
        this.regions = List.copyOf(config.pricingRegions());
    }

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    @Override
    public String keyFormat() {
        return EC2_PREFIX + "<instance-type>:<region>, " + ALB_PREFIX + "<region> or " + RDS_PREFIX
                + "<instance-class>:<region> (regions read: "
                + String.join(", ", regions) + ")";
    }

    @Override
    public PriceList fetch() {
        Map<String, BigDecimal> monthly = new LinkedHashMap<>();
        try {
            for (String region : regions) {
                instancePrices(region, monthly);
                loadBalancerPrice(region).ifPresent(hourly -> monthly.put(ALB_PREFIX + region, perMonth(hourly)));
                databasePrices(region, monthly);
            }
        } catch (PriceDataException e) {
            throw new PriceDataUnavailableException(Provider.AWS, "AWS price data unavailable: " + e.getMessage(), e);
        }
        return new PriceList(Provider.AWS, CurrencyConverter.USD, monthly, Instant.now());
    }

    private void instancePrices(String region, Map<String, BigDecimal> monthly) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("regionCode", region);
        filters.put("operatingSystem", "Linux");
        filters.put("tenancy", "Shared");
        filters.put("preInstalledSw", "NA");
        filters.put("capacitystatus", "Used");
        for (JsonNode product : priceList.products("AmazonEC2", filters)) {
            String type = product.path("product").path("attributes").path("instanceType").asText("");
            Optional<BigDecimal> hourly = onDemandUsd(product, "Hrs");
            // With these filters AWS lists one product per type; a second one would be a licence variant, never cheaper.
            if (!type.isEmpty() && hourly.isPresent()) {
                monthly.merge(EC2_PREFIX + type + ":" + region, perMonth(hourly.get()), BigDecimal::min);
            }
        }
    }

    private void databasePrices(String region, Map<String, BigDecimal> monthly) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("regionCode", region);
        filters.put("productFamily", "Database Instance");
        filters.put("databaseEngine", "PostgreSQL");
        filters.put("deploymentOption", "Single-AZ");
        for (JsonNode product : priceList.products("AmazonRDS", filters)) {
            String instanceClass = product.path("product").path("attributes").path("instanceType").asText("");
            Optional<BigDecimal> hourly = onDemandUsd(product, "Hrs");
            if (!instanceClass.isEmpty() && hourly.isPresent()) {
                monthly.merge(RDS_PREFIX + instanceClass + ":" + region, perMonth(hourly.get()), BigDecimal::min);
            }
        }
    }

    private Optional<BigDecimal> loadBalancerPrice(String region) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("regionCode", region);
        filters.put("productFamily", "Load Balancer-Application");
        for (JsonNode product : priceList.products("AWSELB", filters)) {
            // The same family also lists the LCU-hour; the fixed charge is the LoadBalancerUsage one.
            String usageType = product.path("product").path("attributes").path("usagetype").asText("");
            if (usageType.endsWith("LoadBalancerUsage")) {
                return onDemandUsd(product, "Hrs");
            }
        }
        return Optional.empty();
    }

    /** The USD price per {@code unit} of the product's on-demand term. */
    static Optional<BigDecimal> onDemandUsd(JsonNode product, String unit) {
        for (Iterator<JsonNode> terms = product.path("terms").path("OnDemand").elements(); terms.hasNext(); ) {
            for (Iterator<JsonNode> dimensions = terms.next().path("priceDimensions").elements();
                 dimensions.hasNext(); ) {
                JsonNode dimension = dimensions.next();
                String usd = dimension.path("pricePerUnit").path("USD").asText("");
                if (unit.equals(dimension.path("unit").asText()) && !usd.isEmpty()) {
                    try {
                        return Optional.of(new BigDecimal(usd));
                    } catch (NumberFormatException notAPrice) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static BigDecimal perMonth(BigDecimal hourly) {
        return hourly.multiply(BigDecimal.valueOf(HOURS_PER_MONTH));
    }
}
