package dev.provisioning.dnsservice.client;

import dev.provisioning.contracts.aws.ElbHostedZones;
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

    private final AwsConfig config;
    private final Map<String, ElasticLoadBalancingV2Client> clients = new ConcurrentHashMap<>();

    public ElbZoneLookup(AwsConfig config) {
        this.config = config;
    }

    /** The region of a load balancer DNS name ({@code dualstack.} prefix allowed), empty for any other host name. */
    public static Optional<String> regionOf(String dnsName) {
        return ElbHostedZones.regionOfDnsName(dnsName);
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
        return ElbHostedZones.of(region.get());
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
