package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated Hetzner Cloud server.
 *
 * @param status     {@code initializing} until the boot delay has passed, then {@code running} (or {@code off})
 * @param serverType server type name, e.g. {@code cpx22}
 * @param location   location name, e.g. {@code nbg1}
 * @param image      image name, e.g. {@code ubuntu-24.04}
 * @param ipv4       public IPv4 address from a documentation range
 * @param ipv6       public IPv6 network, e.g. {@code 2001:db8:3:a1::/64}
 * @param privateNet one entry per attached network
 */
public record HetznerServer(long id, String name, String status, String serverType, String location, String image,
                            Map<String, String> labels, String ipv4, String ipv6, List<PrivateNet> privateNet,
                            Instant created) {

    /** An attachment to a private network. */
    public record PrivateNet(long network, String ip, String macAddress) {
    }

    public HetznerServer {
        labels = Map.copyOf(labels);
        privateNet = List.copyOf(privateNet);
    }

    HetznerServer withStatus(String newStatus) {
        return new HetznerServer(id, name, newStatus, serverType, location, image, labels, ipv4, ipv6, privateNet,
                created);
    }

    HetznerServer withPrivateNet(List<PrivateNet> nets) {
        return new HetznerServer(id, name, status, serverType, location, image, labels, ipv4, ipv6, nets, created);
    }

    HetznerServer withNameAndLabels(String newName, Map<String, String> newLabels) {
        return new HetznerServer(id, newName, status, serverType, location, image, newLabels, ipv4, ipv6, privateNet,
                created);
    }
}
