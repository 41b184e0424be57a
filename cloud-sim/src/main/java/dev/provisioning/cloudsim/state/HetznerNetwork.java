package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A simulated Hetzner Cloud private network with its subnets. */
public record HetznerNetwork(long id, String name, String ipRange, List<Subnet> subnets, Map<String, String> labels,
                             Instant created) {

    /**
     * A subnet; servers attached to the network get an address from the first subnet of their network zone.
     *
     * @param type    {@code cloud}, {@code server} or {@code vswitch}
     * @param gateway the network's first address, as Hetzner reports it
     */
    public record Subnet(String type, String ipRange, String networkZone, String gateway) {
    }

    public HetznerNetwork {
        subnets = List.copyOf(subnets);
        labels = Map.copyOf(labels);
    }
}
