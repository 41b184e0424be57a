package dev.provisioning.dnsservice.client;

/** A health check as Route53 reports it, with the version UpdateHealthCheck expects. */
public record Route53HealthCheck(String id, String callerReference, HealthCheckSettings settings, long version) {
}
