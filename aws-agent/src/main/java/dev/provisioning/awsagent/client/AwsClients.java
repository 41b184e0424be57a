package dev.provisioning.awsagent.client;

import dev.provisioning.awsagent.config.AwsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The aws-sdk-java-v2 clients, one per service and region (a command names its region, and AWS signs and serves
 * each region separately), pointed at cloud-sim with {@code endpointOverride} when configured.
 */
@Singleton
public class AwsClients {

    private static final Logger LOG = Logger.getLogger(AwsClients.class);

    private final AwsConfig config;
    private final Map<String, Ec2Client> ec2ByRegion = new ConcurrentHashMap<>();
    private final Map<String, ElasticLoadBalancingV2Client> elbByRegion = new ConcurrentHashMap<>();
    private final Map<String, RdsClient> rdsByRegion = new ConcurrentHashMap<>();

    public AwsClients(AwsConfig config) {
        this.config = config;
    }

    /** The EC2 client for a region, e.g. {@code ap-southeast-1}. */
    public Ec2Client ec2(String region) {
        return ec2ByRegion.computeIfAbsent(region, r -> ec2Client(config, r));
    }

    /** The ELBv2 client for a region. */
    public ElasticLoadBalancingV2Client elb(String region) {
        return elbByRegion.computeIfAbsent(region, r -> elbClient(config, r));
    }

    /** The RDS client for a region. */
    public RdsClient rds(String region) {
        return rdsByRegion.computeIfAbsent(region, r -> rdsClient(config, r));
    }

    @PreDestroy
    void close() {
        ec2ByRegion.values().forEach(Ec2Client::close);
        elbByRegion.values().forEach(ElasticLoadBalancingV2Client::close);
        rdsByRegion.values().forEach(RdsClient::close);
    }

    /** An EC2 client for the configured default region. */
    public static Ec2Client ec2Client(AwsConfig config) {
        return ec2Client(config, config.region());
    }

    /** An EC2 client for a region with the configured endpoint and credentials. */
    public static Ec2Client ec2Client(AwsConfig config, String region) {
        return build(Ec2Client.builder(), "EC2", config, region);
    }

    /** An ELBv2 client for a region with the configured endpoint and credentials. */
    public static ElasticLoadBalancingV2Client elbClient(AwsConfig config, String region) {
        return build(ElasticLoadBalancingV2Client.builder(), "ELBv2", config, region);
    }

    /** An RDS client for a region with the configured endpoint and credentials. */
    public static RdsClient rdsClient(AwsConfig config, String region) {
        return build(RdsClient.builder(), "RDS", config, region);
    }

    /** Region, credentials, no SDK retries, the configured time-outs and endpoint: what every client shares. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String api,
                                                                                            AwsConfig config,
                                                                                            String region) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials(config))
                .overrideConfiguration(noSdkRetries())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.readTimeout()));
        config.endpoint().ifPresent(builder::endpointOverride);
        LOG.infof("%s API region=%s endpoint=%s", api, region,
                config.endpoint().map(Object::toString).orElse("AWS default"));
        return builder.build();
    }

    /**
     * The agent's own retry loop (agent-core) is the only one, so that backoff, Retry-After and attempt counts in
     * events mean what they say instead of multiplying with the SDK's retries.
     */
    private static ClientOverrideConfiguration noSdkRetries() {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
    }

    private static AwsCredentialsProvider credentials(AwsConfig config) {
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
