package dev.provisioning.costservice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** How cost-service reaches the AWS Price List Query API, and which regions' prices it reads. */
@ConfigMapping(prefix = "provisioning.aws")
public interface AwsConfig {

    /** The Price List endpoint; cloud-sim by default, {@code https://api.pricing.us-east-1.amazonaws.com} for AWS. */
    URI endpoint();

    /** The signing region; the Price List Query API is served from {@code us-east-1}. */
    @WithDefault("us-east-1")
    String region();

    String accessKeyId();

    /** Never logged or echoed: only handed to the SDK's credentials provider. */
    String secretAccessKey();

    /** The regions whose EC2 and application load balancer prices are read (all instance types of each). */
    @WithDefault("us-east-1,eu-central-1,ap-southeast-1")
    List<String> pricingRegions();

    @WithDefault("10s")
    Duration timeout();
}
