package dev.provisioning.dnsservice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How dns-service reaches Route53: endpoint, signing region, credentials and the SDK's retry budget. */
@ConfigMapping(prefix = "provisioning.aws")
public interface AwsConfig {

    /** The Route53 endpoint; cloud-sim by default, {@code https://route53.amazonaws.com} for the real service. */
    URI endpoint();

    /** The signing region; Route53 is a global service signed in {@code us-east-1}, which {@code aws-global} maps to. */
    @WithDefault("aws-global")
    String region();

    /**
     * The ELBv2 endpoint used to look up a load balancer's canonical hosted zone id; empty for the SDK's regional
     * default ({@code https://elasticloadbalancing.<region>.amazonaws.com}), as on real AWS.
     */
    Optional<URI> elbEndpoint();

    String accessKeyId();

    /** Never logged or echoed: only handed to the SDK's credentials provider. */
    String secretAccessKey();

    Retry retry();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration readTimeout();

    /** Retries for throttling, 5xx and I/O errors; anything else fails on the first attempt. */
    interface Retry {

        /** Attempts per Route53 call, the first one included. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration baseDelay();

        @WithDefault("5s")
        Duration maxDelay();
    }
}
