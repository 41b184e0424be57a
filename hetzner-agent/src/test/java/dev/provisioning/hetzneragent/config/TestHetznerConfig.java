package dev.provisioning.hetzneragent.config;

import java.net.URI;
import java.time.Duration;

/** The agent's Hetzner settings for tests that build clients by hand, without Quarkus. */
public record TestHetznerConfig(URI endpoint, String token, Duration connectTimeout, String defaultImage,
                                Duration readTimeout) implements HetznerConfig {

    /** The API at {@code endpoint} (including {@code /v1}), the default image, 2 s to connect and 5 s to read. */
    public static TestHetznerConfig local(String endpoint, String token) {
        return new TestHetznerConfig(URI.create(endpoint), token, Duration.ofSeconds(2), "ubuntu-24.04",
                Duration.ofSeconds(5));
    }
}
