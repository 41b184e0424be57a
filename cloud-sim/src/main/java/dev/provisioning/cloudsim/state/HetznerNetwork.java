package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A simulated Hetzner Cloud private network with its subnets and routes. */
public record HetznerNetwork(long id, String name, String ipRange, List<Subnet> subnets, List<Route> routes,
                             Map<String, String> labels, Instant created) {

    /**
     * A subnet; servers attached to the network get an address from the first {@code cloud} or {@code server} subnet
     * of their network zone.
     *
     * @param type      {@code cloud}, {@code server} or {@code vswitch}
     * @param gateway   the network's first address unless another was asked for, as Hetzner reports it
     * @param vswitchId the Robot vSwitch coupled to a {@code vswitch} subnet, null for the other types
     */
    public record Subnet(String type, String ipRange, String networkZone, String gateway, Long vswitchId) {

        public Subnet(String type, String ipRange, String networkZone, String gateway) {
            this(type, ipRange, networkZone, gateway, null);
        }
    }

    /** A route: traffic for {@code destination} (a CIDR block) goes to {@code gateway}, an address in the network. */
    public record Route(String destination, String gateway) {
    }

    public HetznerNetwork {
        subnets = List.copyOf(subnets);
        routes = List.copyOf(routes);
        labels = Map.copyOf(labels);
    }

    public HetznerNetwork(long id, String name, String ipRange, List<Subnet> subnets, Map<String, String> labels,
                          Instant created) {
        this(id, name, ipRange, subnets, List.of(), labels, created);
    }

    /** The network's first address, which Hetzner keeps as the gateway of its subnets. */
    public String firstAddress() {
        return HetznerIpRange.parse(ipRange).address(1);
    }

    HetznerNetwork withSubnets(List<Subnet> newSubnets) {
        return new HetznerNetwork(id, name, ipRange, newSubnets, routes, labels, created);
    }

    HetznerNetwork withRoutes(List<Route> newRoutes) {
        return new HetznerNetwork(id, name, ipRange, subnets, newRoutes, labels, created);
    }

    HetznerNetwork plus(Subnet subnet) {
        List<Subnet> more = new ArrayList<>(subnets);
        more.add(subnet);
        return withSubnets(more);
    }

    HetznerNetwork plus(Route route) {
        List<Route> more = new ArrayList<>(routes);
        more.add(route);
        return withRoutes(more);
    }
}
