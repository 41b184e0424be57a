package dev.provisioning.dnsservice.client;

/**
 * What a Route53 health check probes and how often.
 *
 * @param type     {@code HTTPS} or {@code HTTP}
 * @param fqdn     the domain name probed, without the trailing dot
 * @param interval seconds between checks: 10 or 30
 * @param threshold consecutive failures before Route53 considers the endpoint unhealthy: 1 to 10
 */
public record HealthCheckSettings(String type, String fqdn, int port, String path, int interval, int threshold) {

    /** Whether Route53 can move a check from these settings to {@code other} in place (type and interval are fixed). */
    public boolean updatableTo(HealthCheckSettings other) {
        return type.equals(other.type) && interval == other.interval;
    }
}
