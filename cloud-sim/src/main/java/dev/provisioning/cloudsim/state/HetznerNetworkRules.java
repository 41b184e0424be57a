package dev.provisioning.cloudsim.state;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Hetzner's rules for changing a network's subnets and routes: subnets lie inside the network and overlap neither each
 * other nor a route's destination; routes lead to an address of the network that is not its gateway. Refusals are
 * {@code invalid_input} naming the request field, except a vSwitch coupled elsewhere ({@code vswitch_id_already_used}).
 */
final class HetznerNetworkRules {

    /** The smallest subnet Hetzner accepts. */
    private static final int SMALLEST_SUBNET = 30;
    /** The size of a subnet Hetzner picks when none is asked for. */
    private static final int DEFAULT_SUBNET = 24;
    /** Where servers' public interface has its gateway; no route may use it. */
    private static final String PUBLIC_GATEWAY = "172.31.1.1";

    private HetznerNetworkRules() {
    }

    /** The network with the subnet added; without a range asked for, the first free /24 of the network. */
    static HetznerNetwork addSubnet(HetznerNetwork network, HetznerSubnetRequest request,
                                    Collection<HetznerNetwork> allNetworks) {
        HetznerIpRange networkRange = HetznerIpRange.parse(network.ipRange());
        HetznerIpRange range = request.ipRange() == null ? firstFreeBlock(network, networkRange)
                : HetznerIpRange.parse(request.ipRange());
        if (!networkRange.contains(range)) {
            throw invalid("ip_range", "ip_range " + range.cidr() + " must lie inside the network's ip_range "
                    + network.ipRange());
        }
        if (range.prefixLength() > SMALLEST_SUBNET) {
            throw invalid("ip_range", "ip_range " + range.cidr() + " is too small: a subnet is /"
                    + SMALLEST_SUBNET + " or larger");
        }
        overlappingSubnetOrRoute(network, range).ifPresent(taken -> {
            throw invalid("ip_range", "ip_range " + range.cidr() + " overlaps with " + taken);
        });
        if (request.gateway() != null && !networkRange.contains(request.gateway())) {
            throw invalid("gateway", "gateway " + request.gateway() + " must lie inside the network's ip_range "
                    + network.ipRange());
        }
        if (request.vswitchId() != null && allNetworks.stream().anyMatch(n -> n.subnets().stream()
                .anyMatch(s -> request.vswitchId().equals(s.vswitchId())))) {
            throw new HetznerStore.Rejected("vswitch_id_already_used", "vSwitch " + request.vswitchId()
                    + " is already coupled to a network", "vswitch_id");
        }
        String gateway = request.gateway() != null ? request.gateway() : network.firstAddress();
        return network.plus(new HetznerNetwork.Subnet(request.type(), range.cidr(), request.networkZone(), gateway,
                request.vswitchId()));
    }

    /**
     * The network without the subnet.
     *
     * @param addressesInUse private addresses servers and load balancers hold in the network
     */
    static HetznerNetwork deleteSubnet(HetznerNetwork network, String ipRange, Collection<String> addressesInUse) {
        HetznerNetwork.Subnet subnet = network.subnets().stream().filter(s -> s.ipRange().equals(ipRange)).findFirst()
                .orElseThrow(() -> invalid("ip_range", "network " + network.id() + " has no subnet " + ipRange));
        HetznerIpRange range = HetznerIpRange.parse(subnet.ipRange());
        if (addressesInUse.stream().anyMatch(range::contains)) {
            throw invalid("ip_range", "subnet " + ipRange + " still has servers or load balancers attached; "
                    + "detach them first");
        }
        return network.withSubnets(network.subnets().stream().filter(s -> s != subnet).toList());
    }

    /** The network with the route added. */
    static HetznerNetwork addRoute(HetznerNetwork network, HetznerIpRange destination, String gateway) {
        HetznerIpRange networkRange = HetznerIpRange.parse(network.ipRange());
        overlappingSubnetOrRoute(network, destination).ifPresent(taken -> {
            throw invalid("destination", "destination " + destination.cidr() + " overlaps with " + taken);
        });
        if (destination.contains(network.firstAddress()) || destination.contains(PUBLIC_GATEWAY)) {
            throw invalid("destination", "destination " + destination.cidr() + " must not contain "
                    + network.firstAddress() + " or " + PUBLIC_GATEWAY);
        }
        if (!networkRange.contains(gateway)) {
            throw invalid("gateway", "gateway " + gateway + " must lie inside the network's ip_range "
                    + network.ipRange());
        }
        if (gateway.equals(network.firstAddress()) || gateway.equals(PUBLIC_GATEWAY)) {
            throw invalid("gateway", "gateway " + gateway + " is reserved and cannot be a route's gateway");
        }
        return network.plus(new HetznerNetwork.Route(destination.cidr(), gateway));
    }

    /** The network without the route, which must exist with both the destination and the gateway given. */
    static HetznerNetwork deleteRoute(HetznerNetwork network, String destination, String gateway) {
        HetznerNetwork.Route route = new HetznerNetwork.Route(destination, gateway);
        if (!network.routes().contains(route)) {
            throw invalid("destination", "network " + network.id() + " has no route to " + destination + " via "
                    + gateway);
        }
        return network.withRoutes(network.routes().stream().filter(r -> !r.equals(route)).toList());
    }

    private static HetznerIpRange firstFreeBlock(HetznerNetwork network, HetznerIpRange networkRange) {
        int prefix = Math.max(DEFAULT_SUBNET, networkRange.prefixLength());
        long blocks = 1L << (prefix - networkRange.prefixLength());
        for (long i = 0; i < blocks; i++) {
            HetznerIpRange candidate = networkRange.block(prefix, i);
            if (overlappingSubnetOrRoute(network, candidate).isEmpty()) {
                return candidate;
            }
        }
        throw invalid("ip_range", "no free /" + prefix + " is left in the network's ip_range " + network.ipRange());
    }

    private static Optional<String> overlappingSubnetOrRoute(HetznerNetwork network, HetznerIpRange range) {
        List<String> taken = new java.util.ArrayList<>();
        network.subnets().stream().filter(s -> HetznerIpRange.parse(s.ipRange()).overlaps(range))
                .forEach(s -> taken.add("subnet " + s.ipRange()));
        network.routes().stream().filter(r -> HetznerIpRange.parse(r.destination()).overlaps(range))
                .forEach(r -> taken.add("the destination of route " + r.destination() + " via " + r.gateway()));
        return taken.stream().findFirst();
    }

    private static HetznerStore.Rejected invalid(String field, String message) {
        return new HetznerStore.Rejected("invalid_input", message, field);
    }
}
