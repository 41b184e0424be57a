package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.hetzneragent.client.HetznerCloud;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import me.tomsdevsn.hetznercloud.objects.general.Server;
import me.tomsdevsn.hetznercloud.objects.general.Volume;
import me.tomsdevsn.hetznercloud.objects.request.CreateVolumeRequest;

/**
 * Volumes ({@code <workspace>/<region>/volume/<name>}): found by their address label, created with {@code size}
 * (GB) and {@code format} (default ext4) in the location, or attached at creation to the {@code server} address
 * (resolved through {@link ServerReconciler}); ready once {@code available}.
 */
@ApplicationScoped
public class VolumeReconciler implements ResourceKindReconciler<Volume> {

    private final HetznerCloud api;
    private final ServerReconciler servers;

    public VolumeReconciler(HetznerCloud api, ServerReconciler servers) {
        this.api = api;
        this.servers = servers;
    }

    @Override
    public String kind() {
        return "volume";
    }

    @Override
    public void validate(DesiredResource desired) {
        size(desired);
        desired.optionalText("format");
        HetznerLabels.reference(desired.spec().get("server"), "server", "server");
    }

    @Override
    @WithSpan("observe volume")
    public Optional<Volume> observe(ResourceAddress address, String providerRegion) {
        return api.volumesLabelled(HetznerLabels.selector(address)).stream().min(Comparator.comparing(Volume::getId));
    }

    @Override
    @WithSpan("create volume")
    public Volume create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<Volume> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        Long serverId = HetznerLabels.reference(desired.spec().get("server"), "server", "server")
                .map(server -> servers.observe(server, desired.providerRegion()).map(Server::getId)
                        .orElseThrow(() -> HetznerLabels.missingReference("server", server, desired.address())))
                .orElse(null);
        CreateVolumeRequest request = CreateVolumeRequest.builder()
                .name(desired.address().name())
                .size(size(desired))
                // Hetzner takes the server's location when a server is given, and refuses a second location.
                .location(serverId == null ? desired.providerRegion() : null)
                .server(serverId)
                .automount(false)
                .format(desired.optionalText("format").orElse("ext4"))
                .labels(HetznerLabels.forAddress(desired.address()))
                .build();
        return api.createVolume(request);
    }

    @Override
    @WithSpan("delete volume")
    public void delete(Volume observed) {
        api.deleteVolume(observed.getId());
    }

    @Override
    public boolean isReady(Volume observed) {
        return "available".equals(observed.getStatus());
    }

    @Override
    public String status(Volume observed) {
        return observed.getStatus() == null ? "unknown" : observed.getStatus();
    }

    @Override
    public String providerId(Volume observed) {
        return String.valueOf(observed.getId());
    }

    @Override
    public ReadyResource describe(Volume ready, DesiredResource desired) {
        String location = ready.getLocation() != null ? ready.getLocation().getName() : desired.providerRegion();
        long size = ready.getSize() != null ? ready.getSize() : size(desired);
        return new ReadyResource(providerId(ready), Map.of(), String.valueOf(size), "hetzner:volume:" + location);
    }

    private static long size(DesiredResource desired) {
        String text = desired.requiredText("size");
        try {
            long size = Long.parseLong(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            if (size < 10 || size > 10_240) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw ProviderException.invalidSpec("spec.size must be a whole number of GB between 10 and 10240, was '"
                    + text + "'");
        }
    }
}
