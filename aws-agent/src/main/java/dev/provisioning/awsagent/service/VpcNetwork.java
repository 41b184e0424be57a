package dev.provisioning.awsagent.service;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * A {@code vpc} resource as it exists on AWS: the VPC and the parts the agent adds to it.
 *
 * @param region        the AWS region it lives in
 * @param subnets       the agent's subnets, ordered by their {@code prov:part} tag ({@code subnet-1}, {@code subnet-2})
 * @param securityGroup the group allowing HTTP and HTTPS in, once created
 * @param gateway       the internet gateway attached to the VPC, once created
 */
public record VpcNetwork(String region, Vpc vpc, List<Subnet> subnets, Optional<SecurityGroup> securityGroup,
                         Optional<InternetGateway> gateway) {

    public VpcNetwork {
        subnets = List.copyOf(subnets);
    }

    public List<String> subnetIds() {
        return subnets.stream().map(Subnet::subnetId).toList();
    }
}
