package dev.provisioning.cloudsim.aws.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS on-demand list prices (USD per hour) for the regions and instance types cloud-sim's EC2 and ELBv2 offer, as
 * AWS publishes them for Linux, shared tenancy, no pre-installed software.
 */
final class AwsListPrices {

    /** A region as the price list names it: code, location name and the prefix of its usage types. */
    record PricedRegion(String code, String location, String usagePrefix, BigDecimal t3MicroHourly,
                        BigDecimal m5LargeHourly, BigDecimal albHourly, BigDecimal albLcuHourly) {
    }

    /** An instance type and what its product attributes report. */
    record PricedInstanceType(String name, String family, int vcpus, String memory, String networkPerformance,
                              int t3Micros) {
    }

    /**
     * Per region; t3 sizes are whole multiples of t3.micro in every region (small 2x, medium 4x, large 8x,
     * xlarge 16x), so one figure per region gives the whole family.
     */
    static final List<PricedRegion> REGIONS = List.of(
            region("us-east-1", "US East (N. Virginia)", "", "0.0104", "0.096", "0.0225", "0.008"),
            region("us-east-2", "US East (Ohio)", "USE2-", "0.0104", "0.096", "0.0225", "0.008"),
            region("us-west-2", "US West (Oregon)", "USW2-", "0.0104", "0.096", "0.0225", "0.008"),
            region("eu-central-1", "EU (Frankfurt)", "EUC1-", "0.012", "0.115", "0.027", "0.008"),
            region("eu-west-1", "EU (Ireland)", "EU-", "0.0114", "0.107", "0.0252", "0.008"),
            region("ap-southeast-1", "Asia Pacific (Singapore)", "APS1-", "0.0132", "0.12", "0.0252", "0.008"),
            region("ap-northeast-1", "Asia Pacific (Tokyo)", "APN1-", "0.0136", "0.124", "0.0243", "0.008"));

    static final List<PricedInstanceType> INSTANCE_TYPES = List.of(
            new PricedInstanceType("t3.micro", "General purpose", 2, "1 GiB", "Up to 5 Gigabit", 1),
            new PricedInstanceType("t3.small", "General purpose", 2, "2 GiB", "Up to 5 Gigabit", 2),
            new PricedInstanceType("t3.medium", "General purpose", 2, "4 GiB", "Up to 5 Gigabit", 4),
            new PricedInstanceType("t3.large", "General purpose", 2, "8 GiB", "Up to 5 Gigabit", 8),
            new PricedInstanceType("t3.xlarge", "General purpose", 4, "16 GiB", "Up to 5 Gigabit", 16),
            new PricedInstanceType("m5.large", "General purpose", 2, "8 GiB", "Up to 10 Gigabit", 0));

    /**
     * The Windows licence AWS adds per vCPU-hour on top of the Linux price; only there so that a query without the
     * {@code operatingSystem} filter meets more than one product, as it does against AWS.
     */
    static final BigDecimal WINDOWS_PER_VCPU_HOUR = new BigDecimal("0.0092");

    /** The service codes {@code DescribeServices} and {@code GetProducts} know. */
    static final Map<String, String> SERVICE_NAMES = Map.of(
            "AmazonEC2", "Amazon Elastic Compute Cloud",
            "AWSELB", "Elastic Load Balancing");

    private AwsListPrices() {
    }

    static BigDecimal linuxHourly(PricedInstanceType type, PricedRegion region) {
        return type.t3Micros() == 0 ? region.m5LargeHourly()
                : region.t3MicroHourly().multiply(BigDecimal.valueOf(type.t3Micros()));
    }

    static Optional<PricedRegion> region(String code) {
        return REGIONS.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    private static PricedRegion region(String code, String location, String prefix, String t3Micro, String m5Large,
            String alb, String lcu) {
        return new PricedRegion(code, location, prefix, new BigDecimal(t3Micro), new BigDecimal(m5Large),
                new BigDecimal(alb), new BigDecimal(lcu));
    }
}
