package dev.provisioning.cloudsim.aws.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * On-demand prices (USD per hour) of the simulated world for the regions, EC2 instance types, application load
 * balancers and RDS instance classes cloud-sim's price list offers: EC2 for Linux, shared tenancy, no pre-installed
 * software; RDS per database engine and deployment option.
 *
 * <p>These are the simulated world's prices, chosen to reproduce the seed workspace's cost table, not AWS's list
 * prices. Singapore (ap-southeast-1) is set so that the seed's APAC column comes out at 730 hours a month (cost-service's
 * and AWS's monthly convention): 3 x t3.medium at $0.0365/h = 3 x $26.65 = $79.95 (seed: $80), the application load
 * balancer at $0.0274/h = $20.00 (seed: ~$20) and a db.t3.medium PostgreSQL Single-AZ instance (the seed's RDS read
 * replica) at $0.0411/h = $30.00 (seed: $30). The other regions carry figures close to AWS's 2025 list prices; nothing
 * in the seed depends on them.
 */
final class AwsListPrices {

    /**
     * A region as the price list names it: code, location name, the prefix of its usage types, and its hourly prices:
     * EC2 t3.micro and m5.large (Linux), the ALB hour and LCU-hour, RDS db.t3.micro and db.m5.large (PostgreSQL,
     * Single-AZ).
     */
    record PricedRegion(String code, String location, String usagePrefix, BigDecimal t3MicroHourly,
                        BigDecimal m5LargeHourly, BigDecimal albHourly, BigDecimal albLcuHourly,
                        BigDecimal dbT3MicroHourly, BigDecimal dbM5LargeHourly) {
    }

    /**
     * An EC2 instance type or RDS instance class and what its product attributes report.
     *
     * @param t3Micros how many t3.micro (db.t3.micro) hours one hour of it costs; 0 for the m5.large (db.m5.large)
     */
    record PricedInstanceType(String name, String family, int vcpus, String memory, String networkPerformance,
                              int t3Micros) {
    }

    /**
     * An RDS database engine as the price list names it.
     *
     * @param factor its price relative to PostgreSQL's
     */
    record DatabaseEngine(String name, String engineCode, String operationCode, BigDecimal factor) {
    }

    /**
     * An RDS deployment option.
     *
     * @param usageType the usage type's name before the class, e.g. {@code InstanceUsage}
     * @param factor    its price relative to Single-AZ
     */
    record DeploymentOption(String name, String usageType, BigDecimal factor) {
    }

    /**
     * Per region; t3 sizes are whole multiples of t3.micro in every region (small 2x, medium 4x, large 8x,
     * xlarge 16x), and so are db.t3 classes of db.t3.micro, so one figure per region gives the whole family.
     */
    static final List<PricedRegion> REGIONS = List.of(
            region("us-east-1", "US East (N. Virginia)", "", "0.0104", "0.096", "0.0225", "0.008", "0.018", "0.178"),
            region("us-east-2", "US East (Ohio)", "USE2-", "0.0104", "0.096", "0.0225", "0.008", "0.018", "0.178"),
            region("us-west-2", "US West (Oregon)", "USW2-", "0.0104", "0.096", "0.0225", "0.008", "0.018", "0.178"),
            region("eu-central-1", "EU (Frankfurt)", "EUC1-", "0.012", "0.115", "0.027", "0.008", "0.021", "0.209"),
            region("eu-west-1", "EU (Ireland)", "EU-", "0.0114", "0.107", "0.0252", "0.008", "0.019", "0.191"),
            // Tuned to the seed's APAC column (see above): t3.medium 4 x 0.009125 = 0.0365, db.t3.medium 4 x 0.010275
            // = 0.0411, ALB 0.0274.
            region("ap-southeast-1", "Asia Pacific (Singapore)", "APS1-", "0.009125", "0.12", "0.0274", "0.008",
                    "0.010275", "0.222"),
            region("ap-northeast-1", "Asia Pacific (Tokyo)", "APN1-", "0.0136", "0.124", "0.0243", "0.008", "0.026",
                    "0.228"));

    static final List<PricedInstanceType> INSTANCE_TYPES = List.of(
            new PricedInstanceType("t3.micro", "General purpose", 2, "1 GiB", "Up to 5 Gigabit", 1),
            new PricedInstanceType("t3.small", "General purpose", 2, "2 GiB", "Up to 5 Gigabit", 2),
            new PricedInstanceType("t3.medium", "General purpose", 2, "4 GiB", "Up to 5 Gigabit", 4),
            new PricedInstanceType("t3.large", "General purpose", 2, "8 GiB", "Up to 5 Gigabit", 8),
            new PricedInstanceType("t3.xlarge", "General purpose", 4, "16 GiB", "Up to 5 Gigabit", 16),
            new PricedInstanceType("m5.large", "General purpose", 2, "8 GiB", "Up to 10 Gigabit", 0));

    static final List<PricedInstanceType> DATABASE_CLASSES = List.of(
            new PricedInstanceType("db.t3.micro", "General purpose", 2, "1 GiB", "Up to 5 Gigabit", 1),
            new PricedInstanceType("db.t3.small", "General purpose", 2, "2 GiB", "Up to 5 Gigabit", 2),
            new PricedInstanceType("db.t3.medium", "General purpose", 2, "4 GiB", "Up to 5 Gigabit", 4),
            new PricedInstanceType("db.t3.large", "General purpose", 2, "8 GiB", "Up to 5 Gigabit", 8),
            new PricedInstanceType("db.m5.large", "General purpose", 2, "8 GiB", "Up to 10 Gigabit", 0));

    /**
     * PostgreSQL, and MySQL a little cheaper, so that a query without the {@code databaseEngine} filter meets more
     * than one product, as it does against AWS.
     */
    static final List<DatabaseEngine> DATABASE_ENGINES = List.of(
            new DatabaseEngine("PostgreSQL", "14", "CreateDBInstance:0014", BigDecimal.ONE),
            new DatabaseEngine("MySQL", "2", "CreateDBInstance:0002", new BigDecimal("0.95")));

    /** Multi-AZ runs a standby in a second zone and costs twice Single-AZ, as on AWS. */
    static final List<DeploymentOption> DEPLOYMENT_OPTIONS = List.of(
            new DeploymentOption("Single-AZ", "InstanceUsage", BigDecimal.ONE),
            new DeploymentOption("Multi-AZ", "Multi-AZUsage", new BigDecimal("2")));

    /**
     * The Windows licence AWS adds per vCPU-hour on top of the Linux price; only there so that a query without the
     * {@code operatingSystem} filter meets more than one product, as it does against AWS.
     */
    static final BigDecimal WINDOWS_PER_VCPU_HOUR = new BigDecimal("0.0092");

    /** The service codes {@code DescribeServices} and {@code GetProducts} know. */
    static final Map<String, String> SERVICE_NAMES = Map.of(
            "AmazonEC2", "Amazon Elastic Compute Cloud",
            "AWSELB", "Elastic Load Balancing",
            "AmazonRDS", "Amazon Relational Database Service");

    private AwsListPrices() {
    }

    static BigDecimal linuxHourly(PricedInstanceType type, PricedRegion region) {
        return type.t3Micros() == 0 ? region.m5LargeHourly()
                : region.t3MicroHourly().multiply(BigDecimal.valueOf(type.t3Micros()));
    }

    /** The hourly price of a database class for an engine and deployment option in a region. */
    static BigDecimal databaseHourly(PricedInstanceType type, PricedRegion region, DatabaseEngine engine,
            DeploymentOption deployment) {
        BigDecimal postgresSingleAz = type.t3Micros() == 0 ? region.dbM5LargeHourly()
                : region.dbT3MicroHourly().multiply(BigDecimal.valueOf(type.t3Micros()));
        return postgresSingleAz.multiply(engine.factor()).multiply(deployment.factor());
    }

    static Optional<PricedRegion> region(String code) {
        return REGIONS.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    private static PricedRegion region(String code, String location, String prefix, String t3Micro, String m5Large,
            String alb, String lcu, String dbT3Micro, String dbM5Large) {
        return new PricedRegion(code, location, prefix, new BigDecimal(t3Micro), new BigDecimal(m5Large),
                new BigDecimal(alb), new BigDecimal(lcu), new BigDecimal(dbT3Micro), new BigDecimal(dbM5Large));
    }
}
