package dev.provisioning.awsagent.client;

import dev.provisioning.awsagent.config.AwsConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;

/** Provides the aws-sdk-java-v2 clients, pointed at cloud-sim with {@code endpointOverride} when configured. */
@Singleton
public class AwsClients {

    private static final Logger LOG = Logger.getLogger(AwsClients.class);

    @Produces
    @Singleton
    Ec2Client ec2(AwsConfig config) {
        return ec2Client(config);
    }

    void close(@Disposes Ec2Client client) {
        client.close();
    }

    /** An EC2 client for the configured region, endpoint and credentials. */
    public static Ec2Client ec2Client(AwsConfig config) {
        Ec2ClientBuilder builder = Ec2Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.readTimeout()));
        config.endpoint().ifPresent(builder::endpointOverride);
        LOG.infof("EC2 API region=%s endpoint=%s", config.region(),
                config.endpoint().map(Object::toString).orElse("AWS default"));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(AwsConfig config) {
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
