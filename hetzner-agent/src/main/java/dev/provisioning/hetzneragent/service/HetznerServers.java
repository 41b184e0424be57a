package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.hetzneragent.client.HetznerCloud;
import dev.provisioning.hetzneragent.config.HetznerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.tomsdevsn.hetznercloud.objects.general.Network;
import me.tomsdevsn.hetznercloud.objects.general.Server;
import me.tomsdevsn.hetznercloud.objects.request.CreateServerRequest;
import org.jboss.logging.Logger;

/**
 * How servers are found, created and described, for every kind that owns a server of its own: the {@code server}
 * kind and dedicated database replicas. A server is named after its address, labelled with the address labels
 * (plus any the kind adds), made from the spec's {@code image} (default: the configured image) in the command's
 * location, and attached to the spec's optional {@code network} (an address, resolved through
 * {@link NetworkReconciler}).
 */
@ApplicationScoped
public class HetznerServers {

    private static final Logger LOG = Logger.getLogger(HetznerServers.class);

    private final HetznerCloud api;
    private final NetworkReconciler networks;
    private final String defaultImage;

    public HetznerServers(HetznerCloud api, NetworkReconciler networks, HetznerConfig config) {
        this.api = api;
        this.networks = networks;
        this.defaultImage = config.defaultImage();
    }

    /** Rejects a bad {@code image} or {@code network} before any call. */
    static void validate(DesiredResource desired) {
        desired.optionalText("image");
        HetznerLabels.reference(desired.spec().get("network"), "network", "network");
    }

    /** The oldest server matching a label selector; several match only if something outside the agent made one. */
    public Optional<Server> oldestLabelled(String selector, Object what) {
        List<Server> labelled = api.serversLabelled(selector);
        if (labelled.size() > 1) {
            LOG.warnf("several servers carry one label what=%s selector=%s count=%d", what, selector, labelled.size());
        }
        return labelled.stream().min(Comparator.comparing(Server::getId));
    }

    /**
     * Creates the server of a command's address.
     *
     * @param extraLabels labels beyond the address labels, e.g. a database replica's
     * @param volumeIds   volumes to attach at creation (Hetzner attaches them once the server exists)
     * @throws ProviderException {@code reference_not_found} when the spec's network does not exist
     */
    public Server create(DesiredResource desired, String serverType, Map<String, String> extraLabels,
                         List<Long> volumeIds) {
        List<Long> networkIds = HetznerLabels.reference(desired.spec().get("network"), "network", "network")
                .map(network -> List.of(networks.observe(network, desired.providerRegion())
                        .map(Network::getId)
                        .orElseThrow(() -> HetznerLabels.missingReference("network", network, desired.address()))))
                .orElse(List.of());
        Map<String, String> labels = new LinkedHashMap<>(HetznerLabels.forAddress(desired.address()));
        labels.putAll(extraLabels);
        return api.createServer(CreateServerRequest.builder()
                .name(desired.address().name())
                .serverType(serverType)
                .image(desired.optionalText("image").orElse(defaultImage))
                .location(desired.providerRegion())
                .labels(labels)
                .networks(networkIds)
                .volumes(volumeIds)
                .automount(false)
                .startAfterCreate(true)
                .build());
    }

    /** {@code DELETE /servers/{id}}; Hetzner detaches its volumes. */
    public void delete(Server server) {
        api.deleteServer(server.getId());
    }

    /** Whether the server has the type (true while Hetzner has not said which it has). */
    static boolean hasType(Server server, String serverType) {
        return server.getServerType() == null || server.getServerType().getName().equals(serverType);
    }

    /** The failure for a spec asking a different type of an existing server. */
    static ProviderException resizeUnsupported(ResourceAddress address, Server server, String wanted) {
        return ProviderException.of("resize_unsupported", address.kind() + " " + address + " (server id "
                + server.getId() + ") has type " + server.getServerType().getName() + " but the spec asks for "
                + wanted + "; changing server types is not supported yet: delete and re-create it", false);
    }

    static boolean isRunning(Server server) {
        return "running".equals(server.getStatus());
    }

    static String status(Server server) {
        return server.getStatus() == null ? "unknown" : server.getStatus();
    }

    /** {@code ipv4} (public) and {@code ipv4_private} (the first private network's address) when present. */
    static Map<String, String> addresses(Server server) {
        Map<String, String> addresses = new LinkedHashMap<>();
        publicIpv4(server).ifPresent(ip -> addresses.put("ipv4", ip));
        privateIpv4(server).ifPresent(ip -> addresses.put("ipv4_private", ip));
        return addresses;
    }

    static Optional<String> publicIpv4(Server server) {
        return server.getPublicNet() != null && server.getPublicNet().getIpv4() != null
                ? Optional.ofNullable(server.getPublicNet().getIpv4().getIp()) : Optional.empty();
    }

    static Optional<String> privateIpv4(Server server) {
        return server.getPrivateNet() != null && !server.getPrivateNet().isEmpty()
                ? Optional.ofNullable(server.getPrivateNet().get(0).getIp()) : Optional.empty();
    }

    /** The server's type, or the fallback while Hetzner has not said. */
    static String type(Server server, String fallback) {
        return server.getServerType() != null ? server.getServerType().getName() : fallback;
    }

    /** cost-service's key for a server type in a location. */
    static String priceKey(Server server, String type, String fallbackLocation) {
        String location = server.getDatacenter() != null && server.getDatacenter().getLocation() != null
                ? server.getDatacenter().getLocation().getName() : fallbackLocation;
        return "hetzner:server-type:" + type + ":" + location;
    }
}
