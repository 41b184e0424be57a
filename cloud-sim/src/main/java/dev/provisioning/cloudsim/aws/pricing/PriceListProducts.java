package dev.provisioning.cloudsim.aws.pricing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.aws.pricing.AwsListPrices.DatabaseEngine;
import dev.provisioning.cloudsim.aws.pricing.AwsListPrices.DeploymentOption;
import dev.provisioning.cloudsim.aws.pricing.AwsListPrices.PricedInstanceType;
import dev.provisioning.cloudsim.aws.pricing.AwsListPrices.PricedRegion;
import dev.provisioning.cloudsim.http.SimJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The products of the simulated price list, each a document in the shape AWS's {@code PriceList} entries have. */
final class PriceListProducts {

    /** The on-demand offer term and rate codes AWS uses for every on-demand price. */
    static final String ON_DEMAND_TERM = "JRTCKXETXF";
    static final String ON_DEMAND_RATE = "6YS6EN2CT7";
    static final String PUBLICATION_DATE = "2025-10-01T00:00:00Z";
    static final String VERSION = "20251001000000";

    /** One product: its service, family, attributes (for filtering) and the whole document. */
    record Product(String serviceCode, String productFamily, Map<String, String> attributes, ObjectNode document) {

        /**
         * The attribute named like {@code field}, compared as the API does: without regard to case. The product
         * family is filterable too, as on AWS.
         */
        String attribute(String field) {
            if (field.equalsIgnoreCase("productFamily")) {
                return productFamily;
            }
            for (Map.Entry<String, String> entry : attributes.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(field)) {
                    return entry.getValue();
                }
            }
            return null;
        }
    }

    private static final List<Product> ALL = build();

    private PriceListProducts() {
    }

    static List<Product> all() {
        return ALL;
    }

    private static List<Product> build() {
        List<Product> products = new ArrayList<>();
        for (PricedRegion region : AwsListPrices.REGIONS) {
            for (PricedInstanceType type : AwsListPrices.INSTANCE_TYPES) {
                BigDecimal linux = AwsListPrices.linuxHourly(type, region);
                products.add(instance(region, type, "Linux", "Used", linux));
                // Same price, other capacity status: only a query with capacitystatus=Used picks one product.
                products.add(instance(region, type, "Linux", "UnusedCapacityReservation", linux));
                products.add(instance(region, type, "Windows", "Used",
                        linux.add(AwsListPrices.WINDOWS_PER_VCPU_HOUR.multiply(BigDecimal.valueOf(type.vcpus())))));
            }
            products.add(loadBalancer(region, "LoadBalancerUsage", "LoadBalancer hourly usage by Application Load Balancer",
                    "Hrs", region.albHourly(), "per Application LoadBalancer-hour (or partial hour)"));
            products.add(loadBalancer(region, "LCUUsage", "Used Application load balancer capacity units-hr",
                    "LCU-Hrs", region.albLcuHourly(),
                    "per used Application load balancer capacity unit-hour (or partial hour)"));
            for (PricedInstanceType type : AwsListPrices.DATABASE_CLASSES) {
                for (DatabaseEngine engine : AwsListPrices.DATABASE_ENGINES) {
                    for (DeploymentOption deployment : AwsListPrices.DEPLOYMENT_OPTIONS) {
                        products.add(databaseInstance(region, type, engine, deployment));
                    }
                }
            }
        }
        return List.copyOf(products);
    }

    private static Product instance(PricedRegion region, PricedInstanceType type, String os, String capacityStatus,
            BigDecimal hourly) {
        String usageType = region.usagePrefix() + "BoxUsage:" + type.name();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("servicecode", "AmazonEC2");
        attributes.put("servicename", AwsListPrices.SERVICE_NAMES.get("AmazonEC2"));
        attributes.put("location", region.location());
        attributes.put("locationType", "AWS Region");
        attributes.put("regionCode", region.code());
        attributes.put("instanceType", type.name());
        attributes.put("instanceFamily", type.family());
        attributes.put("currentGeneration", "Yes");
        attributes.put("vcpu", String.valueOf(type.vcpus()));
        attributes.put("memory", type.memory());
        attributes.put("storage", "EBS only");
        attributes.put("networkPerformance", type.networkPerformance());
        attributes.put("processorArchitecture", "64-bit");
        attributes.put("tenancy", "Shared");
        attributes.put("operatingSystem", os);
        attributes.put("licenseModel", "No License required");
        attributes.put("usagetype", usageType);
        attributes.put("operation", os.equals("Windows") ? "RunInstances:0002" : "RunInstances");
        attributes.put("capacitystatus", capacityStatus);
        attributes.put("preInstalledSw", "NA");
        attributes.put("marketoption", "OnDemand");
        String description = "$" + plain(hourly) + " per On Demand " + os + " " + type.name() + " Instance Hour";
        return product("AmazonEC2", "Compute Instance", attributes, "Hrs", hourly, description);
    }

    private static Product databaseInstance(PricedRegion region, PricedInstanceType type, DatabaseEngine engine,
            DeploymentOption deployment) {
        BigDecimal hourly = AwsListPrices.databaseHourly(type, region, engine, deployment);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("servicecode", "AmazonRDS");
        attributes.put("servicename", AwsListPrices.SERVICE_NAMES.get("AmazonRDS"));
        attributes.put("location", region.location());
        attributes.put("locationType", "AWS Region");
        attributes.put("regionCode", region.code());
        attributes.put("instanceType", type.name());
        attributes.put("instanceFamily", type.family());
        attributes.put("instanceTypeFamily", type.name().split("\\.")[1].toUpperCase(Locale.ROOT));
        attributes.put("currentGeneration", "Yes");
        attributes.put("vcpu", String.valueOf(type.vcpus()));
        attributes.put("memory", type.memory());
        attributes.put("storage", "EBS Only");
        attributes.put("networkPerformance", type.networkPerformance());
        attributes.put("processorArchitecture", "64-bit");
        attributes.put("databaseEngine", engine.name());
        attributes.put("engineCode", engine.engineCode());
        attributes.put("licenseModel", "No license required");
        attributes.put("deploymentOption", deployment.name());
        attributes.put("usagetype", region.usagePrefix() + deployment.usageType() + ":" + type.name());
        attributes.put("operation", engine.operationCode());
        String description = "$" + plain(hourly) + " per RDS " + type.name() + " " + deployment.name()
                + " instance hour (or partial hour) running " + engine.name();
        return product("AmazonRDS", "Database Instance", attributes, "Hrs", hourly, description);
    }

    private static Product loadBalancer(PricedRegion region, String usage, String group, String unit,
            BigDecimal price, String per) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("servicecode", "AWSELB");
        attributes.put("servicename", AwsListPrices.SERVICE_NAMES.get("AWSELB"));
        attributes.put("location", region.location());
        attributes.put("locationType", "AWS Region");
        attributes.put("regionCode", region.code());
        attributes.put("groupDescription", group);
        attributes.put("usagetype", region.usagePrefix() + usage);
        attributes.put("operation", "LoadBalancing:Application");
        return product("AWSELB", "Load Balancer-Application", attributes, unit, price, "$" + plain(price) + " " + per);
    }

    private static Product product(String serviceCode, String family, Map<String, String> attributes, String unit,
            BigDecimal price, String description) {
        String sku = sku(serviceCode + "|" + attributes);
        ObjectNode document = SimJson.object();
        ObjectNode product = document.putObject("product");
        product.put("productFamily", family);
        ObjectNode attributeNode = product.putObject("attributes");
        attributes.forEach(attributeNode::put);
        product.put("sku", sku);
        document.put("serviceCode", serviceCode);
        ObjectNode term = document.putObject("terms").putObject("OnDemand").putObject(sku + "." + ON_DEMAND_TERM);
        String rateCode = sku + "." + ON_DEMAND_TERM + "." + ON_DEMAND_RATE;
        ObjectNode dimension = term.putObject("priceDimensions").putObject(rateCode);
        dimension.put("unit", unit).put("endRange", "Inf").put("description", description);
        dimension.putArray("appliesTo");
        dimension.put("rateCode", rateCode).put("beginRange", "0");
        dimension.putObject("pricePerUnit").put("USD", price.setScale(10, RoundingMode.UNNECESSARY).toPlainString());
        term.put("sku", sku).put("effectiveDate", PUBLICATION_DATE).put("offerTermCode", ON_DEMAND_TERM);
        term.putObject("termAttributes");
        document.put("version", VERSION).put("publicationDate", PUBLICATION_DATE);
        return new Product(serviceCode, family, Map.copyOf(attributes), document);
    }

    /** Stable across runs, sixteen upper-case characters like AWS's SKUs. */
    private static String sku(String identity) {
        String hex = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return hex.substring(0, 16).toUpperCase(Locale.ROOT);
    }

    private static String plain(BigDecimal price) {
        return price.stripTrailingZeros().toPlainString();
    }
}
