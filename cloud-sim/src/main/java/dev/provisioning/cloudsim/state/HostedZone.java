package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;

/**
 * A simulated Route53 hosted zone.
 *
 * @param id          bare zone id such as {@code Z0123456789ABC} (the API shows it as {@code /hostedzone/<id>})
 * @param name        canonical name: lower case with a trailing dot
 * @param nameServers delegation set, without trailing dots
 */
public record HostedZone(
        String id,
        String name,
        String callerReference,
        String comment,
        boolean privateZone,
        List<Vpc> vpcs,
        List<String> nameServers,
        Instant createdAt) {

    /** A VPC a private hosted zone is associated with. */
    public record Vpc(String region, String id) {
    }

    public HostedZone {
        vpcs = List.copyOf(vpcs);
        nameServers = List.copyOf(nameServers);
    }
}
