package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated Hetzner Cloud load balancer.
 *
 * @param loadBalancerType type name, e.g. {@code lb11}
 * @param algorithm        {@code round_robin} or {@code least_connections}
 * @param privateNet       attachments to private networks
 */
public record HetznerLoadBalancer(long id, String name, String loadBalancerType, String location,
                                  Map<String, String> labels, String ipv4, String ipv6, String algorithm,
                                  List<Target> targets, List<Service> services,
                                  List<HetznerServer.PrivateNet> privateNet, Instant created) {

    /**
     * A target: a server by id, or every server matching a label selector.
     *
     * @param type          {@code server}, {@code label_selector} or {@code ip}
     * @param server        server id for {@code server} targets, else null
     * @param labelSelector selector for {@code label_selector} targets, else null
     * @param ip            address for {@code ip} targets, else null
     */
    public record Target(String type, Long server, String labelSelector, String ip, boolean usePrivateIp) {
    }

    /** A health check of a service; {@code httpPath} only for http(s) checks. */
    public record HealthCheck(String protocol, int port, int interval, int timeout, int retries, String httpPath) {
    }

    /** A service: what the load balancer listens on and where it forwards to. */
    public record Service(String protocol, int listenPort, int destinationPort, boolean proxyprotocol,
                          HealthCheck healthCheck) {
    }

    public HetznerLoadBalancer {
        labels = Map.copyOf(labels);
        targets = List.copyOf(targets);
        services = List.copyOf(services);
        privateNet = List.copyOf(privateNet);
    }

    HetznerLoadBalancer withTargets(List<Target> newTargets) {
        return new HetznerLoadBalancer(id, name, loadBalancerType, location, labels, ipv4, ipv6, algorithm,
                newTargets, services, privateNet, created);
    }

    HetznerLoadBalancer withServices(List<Service> newServices) {
        return new HetznerLoadBalancer(id, name, loadBalancerType, location, labels, ipv4, ipv6, algorithm, targets,
                newServices, privateNet, created);
    }
}
