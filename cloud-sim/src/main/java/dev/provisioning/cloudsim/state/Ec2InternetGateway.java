package dev.provisioning.cloudsim.state;

import java.util.Map;

/** A simulated internet gateway; {@code vpcId} is null while it is detached. */
public record Ec2InternetGateway(String internetGatewayId, String region, String vpcId, Map<String, String> tags) {

    public Ec2InternetGateway {
        tags = Tags.copy(tags);
    }

    Ec2InternetGateway withVpc(String newVpcId) {
        return new Ec2InternetGateway(internetGatewayId, region, newVpcId, tags);
    }

    Ec2InternetGateway withTags(Map<String, String> newTags) {
        return new Ec2InternetGateway(internetGatewayId, region, vpcId, newTags);
    }
}
