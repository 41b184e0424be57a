package dev.provisioning.cloudsim.state;

import java.util.Map;

/** A simulated subnet of a VPC in one availability zone. */
public record Ec2Subnet(String subnetId, String region, String vpcId, String cidrBlock, String availabilityZone,
                        boolean defaultForAz, Map<String, String> tags) {

    public Ec2Subnet {
        tags = Tags.copy(tags);
    }

    Ec2Subnet withTags(Map<String, String> newTags) {
        return new Ec2Subnet(subnetId, region, vpcId, cidrBlock, availabilityZone, defaultForAz, newTags);
    }
}
