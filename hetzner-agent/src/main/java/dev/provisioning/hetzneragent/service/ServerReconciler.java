package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.contracts.ResourceAddress;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.tomsdevsn.hetznercloud.objects.general.Server;

/**
 * Servers ({@code <workspace>/<region>/server/<name>}): found by their address label, created with the address's
 * name, the spec's {@code server_type}, {@code image} and optional {@code network} (an address, resolved through
 * {@link NetworkReconciler}), ready once {@code running}. The server code other kinds share is in
 * {@link HetznerServers}.
 */
@ApplicationScoped
public class ServerReconciler implements HetznerServerKind {

    private final HetznerServers servers;

    public ServerReconciler(HetznerServers servers) {
        this.servers = servers;
    }

    @Override
    public String kind() {
        return "server";
    }

    @Override
    public void validate(DesiredResource desired) {
        desired.requiredText("server_type");
        HetznerServers.validate(desired);
    }

    @Override
    @WithSpan("observe server")
    public Optional<Server> observe(ResourceAddress address, String providerRegion) {
        return servers.oldestLabelled(HetznerLabels.selector(address), address);
    }

    @Override
    @WithSpan("create server")
    public Server create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<Server> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        return servers.create(desired, desired.requiredText("server_type"), Map.of(), List.of());
    }

    @Override
    public boolean isUpToDate(Server observed, DesiredResource desired) {
        return HetznerServers.hasType(observed, desired.requiredText("server_type"));
    }

    @Override
    public Server update(Server observed, DesiredResource desired) {
        throw HetznerServers.resizeUnsupported(desired.address(), observed, desired.requiredText("server_type"));
    }

    @Override
    @WithSpan("delete server")
    public void delete(Server observed) {
        servers.delete(observed);
    }

    @Override
    public ReadyResource describe(Server ready, DesiredResource desired) {
        String type = HetznerServers.type(ready, desired.requiredText("server_type"));
        return new ReadyResource(providerId(ready), HetznerServers.addresses(ready), type,
                HetznerServers.priceKey(ready, type, desired.providerRegion()));
    }
}
