package dev.provisioning.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The planner's own settings. */
@ConfigMapping(prefix = "provisioning")
public interface PlannerConfig {

    Planner planner();

    DigitalOcean digitalocean();

    Hetzner hetzner();

    Aws aws();

    CloudSim cloudSim();

    CostService costService();

    /** Where plan-time cost estimates are asked. */
    interface CostService {
        String url();
    }

    /** The local provider emulation the provider endpoints default to. */
    interface CloudSim {
        String url();
    }

    /** Rollout and outbox behaviour. */
    interface Planner {
        /** How often the outbox relay looks for messages a crash may have left unpublished. */
        @WithDefault("1s")
        Duration outboxPollInterval();

        /** How long a dispatched step may go without an outcome before its rollout fails. */
        @WithDefault("15m")
        Duration stepTimeout();

        /** How long provider catalogs (sizes, regions) are cached. */
        @WithDefault("10m")
        Duration catalogTtl();
    }

    /** Where the DigitalOcean catalog is read; the token is a secret and never logged. */
    interface DigitalOcean {
        String endpoint();

        String token();
    }

    /** Where the Hetzner Cloud catalog is read, including {@code /v1}; the token is a secret and never logged. */
    interface Hetzner {
        String endpoint();

        String token();
    }

    /**
     * Where the EC2 catalog is read: an endpoint override (cloud-sim), or none for AWS itself; the keys are secrets
     * and never logged, and without them the SDK's default credential chain is used.
     */
    interface Aws {
        Optional<String> endpoint();

        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }
}
