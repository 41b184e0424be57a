package dev.provisioning.cloudsim.state;

import java.time.Instant;

/**
 * A Route53 health check.
 *
 * @param id      a UUID, as Route53 assigns them
 * @param version {@code HealthCheckVersion}: 1 on creation, one more on each update
 */
public record HealthCheck(String id, String callerReference, HealthCheckConfig config, long version,
                          Instant createdAt) {

    HealthCheck withConfig(HealthCheckConfig newConfig) {
        return new HealthCheck(id, callerReference, newConfig, version + 1, createdAt);
    }
}
