package dev.provisioning.dnsservice.client;

import dev.provisioning.dnsservice.config.AwsConfig;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2ClientBuilder;

/**
 * The canonical hosted zone id of a load balancer DNS name ({@code <name>-<n>.<region>.elb.amazonaws.com}), which a
 * Route53 alias record set pointing at it must name. Asked of ELBv2 ({@code DescribeLoadBalancers} in the region of
 * the name, matched by DNS name); when the load balancer is not found or ELBv2 cannot be asked, taken from the table
 * AWS publishes per region.
 */
@ApplicationScoped
public class ElbZoneLookup {

    private static final Logger LOG = Logger.getLogger(ElbZoneLookup.class);
    private static final String SUFFIX = ".elb.amazonaws.com";

    /**
     * Route53 hosted zone ids of Application and Classic Load Balancers per region, from the AWS General Reference
     * ("Elastic Load Balancing endpoints and quotas", https://docs.aws.amazon.com/general/latest/gr/elb.html).
     */
    static final Map<String, String> ZONE_BY_REGION = Map.ofEntries(
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

    private final AwsConfig config;
    private final Map<String, ElasticLoadBalancingV2Client> clients = new ConcurrentHashMap<>();

    public ElbZoneLookup(AwsConfig config) {
        this.config = config;
    }

    /** The region of a load balancer DNS name ({@code dualstack.} prefix allowed), empty for any other host name. */
    public static Optional<String> regionOf(String dnsName) {
        String name = dnsName.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String rest = name.substring(0, name.length() - SUFFIX.length());
        int dot = rest.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(rest.substring(dot + 1));
    }

    /** The hosted zone id to alias {@code dnsName} with; empty when it is not a load balancer name of a known region. */
    @WithSpan(value = "elbv2.DescribeLoadBalancers", kind = SpanKind.CLIENT)
    public Optional<String> canonicalHostedZoneId(String dnsName) {
        Optional<String> region = regionOf(dnsName);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        String wanted = dnsName.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "").replaceFirst("^dualstack\\.", "");
        try {
            Optional<String> described = client(region.get()).describeLoadBalancersPaginator(r -> { })
                    .loadBalancers().stream()
                    .filter(lb -> lb.dnsName() != null && lb.dnsName().toLowerCase(Locale.ROOT).equals(wanted))
                    .map(lb -> lb.canonicalHostedZoneId())
                    .filter(id -> id != null && !id.isBlank())
                    .findFirst();
            if (described.isPresent()) {
                return described;
            }
            LOG.warnf("load balancer %s is not listed by ELBv2 in %s; using the published zone id of the region",
                    wanted, region.get());
        } catch (SdkException e) {
            LOG.warnf("ELBv2 DescribeLoadBalancers in %s failed (%s); using the published zone id of the region",
                    region.get(), e.getMessage());
        }
        return Optional.ofNullable(ZONE_BY_REGION.get(region.get()));
    }

    private ElasticLoadBalancingV2Client client(String region) {
        return clients.computeIfAbsent(region, r -> {
            AwsConfig.Retry retry = config.retry();
            BackoffStrategy backoff = BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay());
            ElasticLoadBalancingV2ClientBuilder builder = ElasticLoadBalancingV2Client.builder()
                    .region(Region.of(r))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())))
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(config.connectTimeout())
                            .socketTimeout(config.readTimeout())
                            .build())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(retry.maxAttempts())
                            .backoffStrategy(backoff)
                            .throttlingBackoffStrategy(backoff)
                            .circuitBreakerEnabled(false)
                            .build()));
            config.elbEndpoint().ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    @PreDestroy
    void close() {
        clients.values().forEach(ElasticLoadBalancingV2Client::close);
    }
}
