package dev.provisioning.dnsservice.client;

/**
 * A hosted zone as Route53 reports it.
 *
 * @param id   the zone id without the {@code /hostedzone/} prefix
 * @param name the zone's domain without the trailing dot
 */
public record Route53Zone(String id, String name, String callerReference) {
}
