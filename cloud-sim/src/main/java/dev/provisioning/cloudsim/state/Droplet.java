package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A simulated DigitalOcean droplet.
 *
 * @param ipv4        public IPv4 address, from the documentation ranges (198.51.100.0/24, 203.0.113.0/24, 192.0.2.0/24)
 * @param privateIpv4 address inside the droplet's VPC
 * @param ipv6        public IPv6 address from 2001:db8::/32, or null when IPv6 was not requested
 * @param image       slug of the image the droplet was created from
 * @param diskGb      size of its disk: its size's at creation, unchanged by a resize that leaves the disk alone
 */
public record Droplet(
        int id,
        String name,
        List<String> tags,
        Status status,
        String sizeSlug,
        int diskGb,
        String region,
        String image,
        String ipv4,
        String privateIpv4,
        String ipv6,
        String vpcUuid,
        List<String> sshKeys,
        boolean backups,
        boolean monitoring,
        String userData,
        Instant createdAt) {

    /** Droplet lifecycle states as DigitalOcean names them. */
    public enum Status {
        NEW, ACTIVE, OFF, ARCHIVE;

        /** The lower-case name used on the wire. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Droplet {
        tags = List.copyOf(tags);
        sshKeys = List.copyOf(sshKeys);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public Droplet withStatus(Status newStatus) {
        return new Droplet(id, name, tags, newStatus, sizeSlug, diskGb, region, image, ipv4, privateIpv4, ipv6, vpcUuid,
                sshKeys, backups, monitoring, userData, createdAt);
    }

    /** The droplet after a resize to another size, with the disk it has afterwards. */
    public Droplet withSize(String newSizeSlug, int newDiskGb) {
        return new Droplet(id, name, tags, status, newSizeSlug, newDiskGb, region, image, ipv4, privateIpv4, ipv6,
                vpcUuid, sshKeys, backups, monitoring, userData, createdAt);
    }
}
