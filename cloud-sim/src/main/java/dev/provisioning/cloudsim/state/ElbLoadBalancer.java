package dev.provisioning.cloudsim.state;

import dev.provisioning.contracts.aws.ElbHostedZones;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated Elastic Load Balancing v2 load balancer.
 *
 * @param availabilityZones one entry per subnet it was placed in
 * @param state             {@code provisioning} until the provisioning delay has passed, then {@code active}
 * @param ipv4Addresses     the public addresses its DNS name resolves to (one per zone, at most two); ELBv2 never
 *                          returns them, only Route53 answers with them
 */
public record ElbLoadBalancer(String arn, String name, String region, String dnsName, String scheme, String type,
                              String ipAddressType, String state, String vpcId, List<Zone> availabilityZones,
                              List<String> securityGroupIds, Instant createdTime, Map<String, String> tags,
                              List<String> ipv4Addresses) {

    /** A subnet the load balancer has a node in. */
    public record Zone(String zoneName, String subnetId) {
    }

    public ElbLoadBalancer {
        availabilityZones = List.copyOf(availabilityZones);
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = Tags.copy(tags);
        ipv4Addresses = List.copyOf(ipv4Addresses);
    }

    /** Hosted zone id its DNS name lives in, the one Route53 alias record sets for it name. */
    public String canonicalHostedZoneId() {
        return ElbHostedZones.orFallback(region);
    }

    public List<String> subnetIds() {
        return availabilityZones.stream().map(Zone::subnetId).toList();
    }

    ElbLoadBalancer withState(String newState) {
        return new ElbLoadBalancer(arn, name, region, dnsName, scheme, type, ipAddressType, newState, vpcId,
                availabilityZones, securityGroupIds, createdTime, tags, ipv4Addresses);
    }

    ElbLoadBalancer withTags(Map<String, String> newTags) {
        return new ElbLoadBalancer(arn, name, region, dnsName, scheme, type, ipAddressType, state, vpcId,
                availabilityZones, securityGroupIds, createdTime, newTags, ipv4Addresses);
    }
}
