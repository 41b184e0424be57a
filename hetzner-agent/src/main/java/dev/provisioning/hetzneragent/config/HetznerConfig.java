package dev.provisioning.hetzneragent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the Hetzner Cloud API is and how to reach it. */
@ConfigMapping(prefix = "provisioning.hetzner")
public interface HetznerConfig {

    /**
     * Base URL of the API including {@code /v1}: {@code https://api.hetzner.cloud/v1} for the real cloud,
     * {@code http://host:port/v1} for cloud-sim.
     */
    URI endpoint();

    /** The API token; never logged, never put into an event or an error message. */
    String token();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Image of servers whose spec names none. */
    @WithDefault("ubuntu-24.04")
    String defaultImage();

    @WithDefault("30s")
    Duration readTimeout();
}
