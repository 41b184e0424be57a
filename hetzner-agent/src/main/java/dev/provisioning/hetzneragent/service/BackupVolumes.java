package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.hetzneragent.client.HetznerCloud;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import me.tomsdevsn.hetznercloud.objects.general.Server;
import me.tomsdevsn.hetznercloud.objects.general.Volume;

/**
 * A database replica's backup volume: found through {@link VolumeReconciler} by its address, attached to the
 * replica's server ({@code POST /volumes/{id}/actions/attach}) and detached from it, each time waiting for Hetzner's
 * action to finish. A volume attached to another server is never taken from it.
 */
@ApplicationScoped
public class BackupVolumes {

    private final HetznerCloud api;
    private final VolumeReconciler volumes;
    private final HetznerActions actions;

    public BackupVolumes(HetznerCloud api, VolumeReconciler volumes, HetznerActions actions) {
        this.api = api;
        this.volumes = volumes;
        this.actions = actions;
    }

    /** The volume the spec's {@code backup_volume} names, if it names one and it exists. */
    Optional<Volume> find(ReplicaSpec spec, DesiredResource desired) {
        return spec.backupVolume().flatMap(address -> volumes.observe(address, desired.providerRegion()));
    }

    /**
     * The volume the spec's {@code backup_volume} names, if it names one.
     *
     * @throws ProviderException {@code reference_not_found} when it names a volume that does not exist
     */
    Optional<Volume> resolve(ReplicaSpec spec, DesiredResource desired) {
        return spec.backupVolume().map(address -> volumes.observe(address, desired.providerRegion())
                .orElseThrow(() -> HetznerLabels.missingReference("backup_volume", address, desired.address())));
    }

    static boolean isAttachedTo(Volume volume, Server server) {
        return volume.getServer() != null && volume.getServer().equals(server.getId());
    }

    /**
     * Refuses a volume attached to a server other than {@code server} (null: a server still to be made).
     *
     * @throws ProviderException {@code volume_in_use}, not retryable
     */
    static void requireAttachable(Volume volume, Server server, DesiredResource desired) {
        if (volume.getServer() != null && (server == null || !isAttachedTo(volume, server))) {
            throw ProviderException.of("volume_in_use", "spec.backup_volume of " + desired.address() + " is volume "
                    + volume.getName() + " (id " + volume.getId() + "), which is attached to server "
                    + volume.getServer() + (server == null ? "" : ", not to the replica's server " + server.getName()
                    + " (id " + server.getId() + ")") + "; detach it first", false);
        }
    }

    /** Attaches the volume to the server and waits until Hetzner has done it. */
    void attach(Volume volume, Server server) {
        String what = "attach volume " + volume.getId() + " to server " + server.getId();
        actions.await(api.attachVolume(volume.getId(), server.getId()), what);
    }

    /** Detaches the volume if it is still attached to the server (and not since moved elsewhere), and waits. */
    void detachFrom(long volumeId, Server server) {
        Optional<Volume> volume = api.volume(volumeId);
        if (volume.isPresent() && isAttachedTo(volume.get(), server)) {
            actions.await(api.detachVolume(volumeId), "detach volume " + volumeId + " from server " + server.getId());
        }
    }
}
