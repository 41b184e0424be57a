package dev.provisioning.dnsservice.client;

import dev.provisioning.dnsservice.config.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.route53.Route53Client;

/** Builds the one Route53 client of the service from {@link AwsConfig}. */
@ApplicationScoped
public class Route53ClientProducer {

    @Produces
    @ApplicationScoped
    Route53Client route53Client(AwsConfig config) {
        AwsConfig.Retry retry = config.retry();
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay());
        return Route53Client.builder()
                .endpointOverride(config.endpoint())
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.readTimeout())
                        .build())
                // The SDK's standard strategy already knows which Route53 errors are throttling
                // (Throttling, PriorRequestNotComplete) and which are transient (5xx, I/O); we only bound it.
                // Its circuit breaker is off: one service, one caller, and a long outage should still be retried
                // record by record rather than failing fast for everyone.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(retry.maxAttempts())
                        .backoffStrategy(backoff)
                        .throttlingBackoffStrategy(backoff)
                        .circuitBreakerEnabled(false)
                        .build()))
                .build();
    }

    void close(@Disposes Route53Client client) {
        client.close();
    }
}
