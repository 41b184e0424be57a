package dev.provisioning.contracts.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Route53 hosted zone ids that Application (and Classic) Load Balancer DNS names live in, one per region, as AWS
 * publishes them in the General Reference ("Elastic Load Balancing endpoints and quotas",
 * https://docs.aws.amazon.com/general/latest/gr/elb.html, column "Route 53 Hosted Zone ID (Application Load
 * Balancers, Classic Load Balancers)"). Alias record sets that point at a load balancer name this id: dns-service
 * writes them, cloud-sim's Route53 checks them and its ELBv2 reports them.
 */
public final class ElbHostedZones {

    /** Used by the simulator for a region missing from the table (it accepts any region name). */
    public static final String FALLBACK_REGION = "us-east-1";

    private static final Map<String, String> BY_REGION = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"),
            Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"),
            Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("ca-central-1", "ZQSVJUPU6J1EY"),
            Map.entry("sa-east-1", "Z2P70J7HTTTPLU"),
            Map.entry("eu-central-1", "Z215JYRZR1TBD5"),
            Map.entry("eu-west-1", "Z32O12XQLNTSW2"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"),
            Map.entry("eu-west-3", "Z3Q77PNBQS71R4"),
            Map.entry("eu-north-1", "Z23TAZ6LKFMNIO"),
            Map.entry("eu-south-1", "Z3ULH7SSC9OV64"),
            Map.entry("af-south-1", "Z268VQBMOI5EKX"),
            Map.entry("me-south-1", "ZS929ML54UICD"),
            Map.entry("ap-east-1", "Z3DQVH9N71FHZ0"),
            Map.entry("ap-south-1", "ZP97RAFLXTNZK"),
            Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"),
            Map.entry("ap-northeast-2", "ZWKZPGTI48KDX"),
            Map.entry("ap-northeast-3", "Z5LXEXXYW11ES"),
            Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"),
            Map.entry("ap-southeast-3", "Z08888821HLRG5A9ZRTER"));

    private ElbHostedZones() {
    }

    /** The zone id of the region, if AWS lists one for it. */
    public static Optional<String> of(String region) {
        return Optional.ofNullable(BY_REGION.get(region));
    }

    /** The zone id of the region, or the fallback region's for a region missing from the table. */
    public static String orFallback(String region) {
        return of(region).orElse(BY_REGION.get(FALLBACK_REGION));
    }

    /** Whether the id is the load balancer zone of some region. */
    public static boolean isElbZone(String hostedZoneId) {
        return BY_REGION.containsValue(hostedZoneId);
    }

    /**
     * The region of a load balancer DNS name ({@code <name>-<n>.<region>.elb.amazonaws.com}, trailing dot or not,
     * any case, {@code dualstack.} prefix allowed), empty for any other name.
     */
    public static Optional<String> regionOfDnsName(String dnsName) {
        String name = dnsName.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String suffix = ".elb.amazonaws.com";
        if (!name.endsWith(suffix)) {
            return Optional.empty();
        }
        String rest = name.substring(0, name.length() - suffix.length());
        int dot = rest.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(rest.substring(dot + 1));
    }
}
