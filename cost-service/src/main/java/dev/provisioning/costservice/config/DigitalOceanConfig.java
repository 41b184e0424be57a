package dev.provisioning.costservice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where and how cost-service reads DigitalOcean's price data. */
@ConfigMapping(prefix = "provisioning.digitalocean")
public interface DigitalOceanConfig {

    /**
     * The API endpoint: {@code https://api.digitalocean.com} in production; an {@code http://host:port} endpoint is
     * only for cloud-sim and is reached without TLS.
     */
    String endpoint();

    /** The API token, sent as a Bearer token; never logged. */
    String token();

    /** Connect, read and pool timeout of each request to the API. */
    @WithDefault("10s")
    Duration timeout();
}
