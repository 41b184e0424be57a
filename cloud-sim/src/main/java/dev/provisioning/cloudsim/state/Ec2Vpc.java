package dev.provisioning.cloudsim.state;

import java.util.Map;

/** A simulated VPC; {@code isDefault} marks the one EC2 makes per region for launches without a subnet. */
public record Ec2Vpc(String vpcId, String region, String cidrBlock, boolean isDefault, Map<String, String> tags) {

    public Ec2Vpc {
        tags = Tags.copy(tags);
    }

    Ec2Vpc withTags(Map<String, String> newTags) {
        return new Ec2Vpc(vpcId, region, cidrBlock, isDefault, newTags);
    }
}
