package dev.provisioning.digitaloceanagent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the DigitalOcean API is and how to reach it. */
@ConfigMapping(prefix = "provisioning.digitalocean")
public interface DigitalOceanConfig {

    /**
     * Base URL of the API: {@code https://api.digitalocean.com} for the real cloud, {@code http://host:port} for
     * cloud-sim (plain HTTP is only accepted as a simulation endpoint).
     */
    URI endpoint();

    /** The API token; never logged, never put into an event or an error message. */
    String token();

    /** Image used when a droplet's spec names none. */
    @WithDefault("ubuntu-24-04-x64")
    String defaultImage();

    @WithDefault("5s")
    Duration connectTimeout();

    /** How long to wait for an answer before the call counts as a (retryable) timeout. */
    @WithDefault("30s")
    Duration readTimeout();
}
