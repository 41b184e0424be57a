package dev.provisioning.awsagent.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The agent's AWS settings for tests that build clients by hand, without Quarkus. */
public record TestAwsConfig(Optional<URI> endpoint, String region, Optional<List<String>> warmUpRegions,
                            Optional<String> accessKeyId, Optional<String> secretAccessKey, String defaultImageId,
                            Duration connectTimeout, Duration readTimeout) implements AwsConfig {

    /**
     * Every service at {@code endpoint}, signed for {@code region} with static credentials; warm-up regions as given
     * ({@code null}: none listed), the default image, 2 s to connect and 5 s to read.
     */
    public static TestAwsConfig local(String endpoint, String region, List<String> warmUpRegions, String accessKeyId,
                                      String secretAccessKey) {
        return new TestAwsConfig(Optional.of(URI.create(endpoint)), region, Optional.ofNullable(warmUpRegions),
                Optional.of(accessKeyId), Optional.of(secretAccessKey), "ami-09d56f8956ab235b7", Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }
}
