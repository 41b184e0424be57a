package dev.provisioning.cloudsim.state;

import java.util.List;
import java.util.Map;

/**
 * A simulated DB subnet group: subnets of one VPC of the {@link Ec2Store}, covering at least two availability zones.
 *
 * @param name the {@code DBSubnetGroupName}, lower case as RDS stores it
 */
public record RdsSubnetGroup(String name, String arn, String region, String description, String vpcId,
                             List<Subnet> subnets, Map<String, String> tags) {

    /** One subnet of the group with its availability zone. */
    public record Subnet(String subnetId, String availabilityZone) {
    }

    public RdsSubnetGroup {
        subnets = List.copyOf(subnets);
        tags = Tags.copy(tags);
    }

    /** The distinct availability zones its subnets are in, in subnet order. */
    public List<String> zones() {
        return subnets.stream().map(Subnet::availabilityZone).distinct().toList();
    }

    RdsSubnetGroup withTags(Map<String, String> newTags) {
        return new RdsSubnetGroup(name, arn, region, description, vpcId, subnets, newTags);
    }
}
