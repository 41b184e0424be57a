package dev.provisioning.cloudsim.state;

import java.util.List;

/**
 * What a client asked for when creating a droplet, already validated; the store adds id, addresses and status.
 *
 * @param diskGb         the disk of the droplet's size
 * @param privateIpRange the range of the droplet's VPC, which its private address comes from
 */
public record DropletDraft(
        String name,
        List<String> tags,
        String sizeSlug,
        int diskGb,
        String region,
        String image,
        String vpcUuid,
        DigitalOceanIpRange privateIpRange,
        boolean ipv6,
        List<String> sshKeys,
        boolean backups,
        boolean monitoring,
        String userData) {

    public DropletDraft {
        tags = List.copyOf(tags);
        sshKeys = List.copyOf(sshKeys);
    }
}
