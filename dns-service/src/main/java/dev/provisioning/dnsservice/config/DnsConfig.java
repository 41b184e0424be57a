package dev.provisioning.dnsservice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What dns-service does with the records it manages: default TTL, how long to wait for INSYNC, event source. */
@ConfigMapping(prefix = "provisioning.dns")
public interface DnsConfig {

    /** TTL in seconds when an event carries no {@code dns.ttl}. */
    @WithDefault("60")
    long defaultTtl();

    /** The CloudEvents {@code source} of the events this service publishes. */
    @WithDefault("/dns-service")
    String eventSource();

    ChangeWait changeWait();

    DriftRepair driftRepair();

    /** The scheduled comparison of Route53 with the records dns-service keeps, putting drifted ones back. */
    interface DriftRepair {

        /** How often, e.g. {@code 60s}; {@code off} turns it off. */
        @WithDefault("60s")
        String every();
    }

    /** Polling of GetChange until Route53 reports a change INSYNC. */
    interface ChangeWait {

        @WithDefault("250ms")
        Duration interval();

        @WithDefault("60s")
        Duration timeout();
    }
}
