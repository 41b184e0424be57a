package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.hetzneragent.client.HetznerCloud;
import dev.provisioning.hetzneragent.config.HetznerConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
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
 * Servers ({@code <workspace>/<region>/server/<name>}): found by their address label, created with the address's
 * name, the spec's {@code server_type}, {@code image} and optional {@code network} (an address, resolved through
 * {@link NetworkReconciler}), ready once {@code running}.
 */
@ApplicationScoped
public class ServerReconciler implements ResourceKindReconciler<Server> {

    private static final Logger LOG = Logger.getLogger(ServerReconciler.class);

    private final HetznerCloud api;
    private final NetworkReconciler networks;
    private final String defaultImage;

    public ServerReconciler(HetznerCloud api, NetworkReconciler networks, HetznerConfig config) {
        this.api = api;
        this.networks = networks;
        this.defaultImage = config.defaultImage();
    }

    @Override
    public String kind() {
        return "server";
    }

    @Override
    public void validate(DesiredResource desired) {
        desired.requiredText("server_type");
        desired.optionalText("image");
        HetznerLabels.reference(desired.spec().get("network"), "network", "network");
    }

    @Override
    @WithSpan("observe server")
    public Optional<Server> observe(ResourceAddress address, String providerRegion) {
        List<Server> labelled = api.serversLabelled(HetznerLabels.selector(address));
        if (labelled.size() > 1) {
            // Only possible if something outside this agent created one; the oldest is the one events refer to.
            LOG.warnf("several servers carry one address label address=%s count=%d", address, labelled.size());
        }
        return labelled.stream().min(Comparator.comparing(Server::getId));
    }

    @Override
    @WithSpan("create server")
    public Server create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<Server> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Long> networkIds = HetznerLabels.reference(desired.spec().get("network"), "network", "network")
                .map(network -> List.of(networks.observe(network, desired.providerRegion())
                        .map(Network::getId)
                        .orElseThrow(() -> HetznerLabels.missingReference("network", network, desired.address()))))
                .orElse(List.of());
        return api.createServer(CreateServerRequest.builder()
                .name(desired.address().name())
                .serverType(desired.requiredText("server_type"))
                .image(desired.optionalText("image").orElse(defaultImage))
                .location(desired.providerRegion())
                .labels(HetznerLabels.forAddress(desired.address()))
                .networks(networkIds)
                .startAfterCreate(true)
                .build());
    }

    @Override
    public boolean isUpToDate(Server observed, DesiredResource desired) {
        return observed.getServerType() == null
                || observed.getServerType().getName().equals(desired.requiredText("server_type"));
    }

    @Override
    public Server update(Server observed, DesiredResource desired) {
        throw ProviderException.of("resize_unsupported", "server " + desired.address() + " (id " + observed.getId()
                + ") has type " + observed.getServerType().getName() + " but the spec asks for "
                + desired.requiredText("server_type") + "; changing server types is not supported yet: delete and "
                + "re-create it", false);
    }

    @Override
    @WithSpan("delete server")
    public void delete(Server observed) {
        api.deleteServer(observed.getId());
    }

    @Override
    public boolean isReady(Server observed) {
        return "running".equals(observed.getStatus());
    }

    @Override
    public String status(Server observed) {
        return observed.getStatus() == null ? "unknown" : observed.getStatus();
    }

    @Override
    public String providerId(Server observed) {
        return String.valueOf(observed.getId());
    }

    @Override
    public ReadyResource describe(Server ready, DesiredResource desired) {
        Map<String, String> addresses = new LinkedHashMap<>();
        if (ready.getPublicNet() != null && ready.getPublicNet().getIpv4() != null) {
            addresses.put("ipv4", ready.getPublicNet().getIpv4().getIp());
        }
        if (ready.getPrivateNet() != null && !ready.getPrivateNet().isEmpty()) {
            addresses.put("ipv4_private", ready.getPrivateNet().get(0).getIp());
        }
        String type = ready.getServerType() != null ? ready.getServerType().getName()
                : desired.requiredText("server_type");
        String location = ready.getDatacenter() != null && ready.getDatacenter().getLocation() != null
                ? ready.getDatacenter().getLocation().getName() : desired.providerRegion();
        return new ReadyResource(providerId(ready), addresses, type,
                "hetzner:server-type:" + type + ":" + location);
    }
}
