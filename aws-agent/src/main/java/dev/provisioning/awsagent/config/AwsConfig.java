package dev.provisioning.awsagent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the AWS APIs are and which credentials sign the requests. */
@ConfigMapping(prefix = "provisioning.aws")
public interface AwsConfig {

    /** An endpoint replacing every AWS service's own (cloud-sim); absent for the real AWS endpoints. */
    Optional<URI> endpoint();

    /** The region clients are built for; resources name their own region in each command. */
    @WithDefault("us-east-1")
    String region();

    /**
     * Regions whose EC2, ELBv2 and RDS clients are built and warmed right after start (when
     * {@code provisioning.agent.warm-up.enabled}); absent: {@link #region()} alone.
     */
    Optional<List<String>> warmUpRegions();

    /** Static credentials; when either is absent, the SDK's default chain (env, profile, instance role) is used. */
    Optional<String> accessKeyId();

    /** Never logged, never put into an event or an error message. */
    Optional<String> secretAccessKey();

    /** The image an {@code ec2-instance} gets when its spec names no {@code image_id} (Ubuntu 22.04 LTS). */
    @WithDefault("ami-09d56f8956ab235b7")
    String defaultImageId();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration readTimeout();
}
