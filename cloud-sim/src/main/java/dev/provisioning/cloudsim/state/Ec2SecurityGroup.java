package dev.provisioning.cloudsim.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A simulated security group with its ingress rules (egress is always "all traffic out", as EC2 creates it). */
public record Ec2SecurityGroup(String groupId, String region, String groupName, String description, String vpcId,
                               List<IngressRule> ingress, Map<String, String> tags) {

    /**
     * One ingress permission.
     *
     * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code -1} for all
     * @param cidrs    IPv4 ranges allowed in
     */
    public record IngressRule(String protocol, Integer fromPort, Integer toPort, List<String> cidrs) {

        public IngressRule {
            cidrs = List.copyOf(cidrs);
        }
    }

    public Ec2SecurityGroup {
        ingress = List.copyOf(ingress);
        tags = Tags.copy(tags);
    }

    Ec2SecurityGroup withIngress(List<IngressRule> added) {
        List<IngressRule> all = new ArrayList<>(ingress);
        all.addAll(added);
        return new Ec2SecurityGroup(groupId, region, groupName, description, vpcId, all, tags);
    }

    Ec2SecurityGroup withTags(Map<String, String> newTags) {
        return new Ec2SecurityGroup(groupId, region, groupName, description, vpcId, ingress, newTags);
    }
}
