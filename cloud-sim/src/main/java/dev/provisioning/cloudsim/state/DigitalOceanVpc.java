package dev.provisioning.cloudsim.state;

import java.time.Instant;

/**
 * A simulated DigitalOcean VPC network.
 *
 * @param id          UUID, as DigitalOcean identifies VPCs
 * @param ipRange     the network's private range
 * @param defaultVpc  whether it is the region's default VPC, which every resource joins unless told otherwise
 */
public record DigitalOceanVpc(String id, String name, String description, String region, DigitalOceanIpRange ipRange,
                              boolean defaultVpc, Instant createdAt) {

    /** The URN DigitalOcean lists members and projects by, {@code do:vpc:<id>}. */
    public String urn() {
        return "do:vpc:" + id;
    }
}
