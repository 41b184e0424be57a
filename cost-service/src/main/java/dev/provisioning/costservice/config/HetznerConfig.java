package dev.provisioning.costservice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where and how cost-service reads Hetzner Cloud's price data. */
@ConfigMapping(prefix = "provisioning.hetzner")
public interface HetznerConfig {

    /** The API base URL including {@code /v1}: {@code https://api.hetzner.cloud/v1} in production. */
    String endpoint();

    /** The API token, sent as a Bearer token; never logged. */
    String token();

    /** Connect and read timeout of each request to the API. */
    @WithDefault("10s")
    Duration timeout();
}
