package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.agent.retry.RetryingCaller;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.hetzneragent.client.HetznerCloud;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.tomsdevsn.hetznercloud.objects.general.Server;
import me.tomsdevsn.hetznercloud.objects.general.Volume;

/**
 * PostgreSQL read replicas ({@code <workspace>/<region>/database-replica/<name>}) on a Hetzner server: either on the
 * region's server named by {@code host}, which then carries the replica's labels ({@link ReplicaLabels}) beside its
 * own, or on a dedicated server made as the {@code server} kind makes servers ({@link HetznerServers}). The optional
 * {@code backup_volume} is attached to that server. Found again by the {@code db-replica} label; ready once the
 * server is {@code running}. Replication itself is set up later by db-replication-service.
 */
@ApplicationScoped
public class DatabaseReplicaReconciler implements HetznerServerKind {

    static final String PORT = "5432";

    private final HetznerCloud api;
    private final HetznerServers servers;
    private final ServerReconciler serverKind;
    private final BackupVolumes backups;
    private final RetryingCaller retrying;

    public DatabaseReplicaReconciler(HetznerCloud api, HetznerServers servers, ServerReconciler serverKind,
                                     BackupVolumes backups, RetryingCaller retrying) {
        this.api = api;
        this.servers = servers;
        this.serverKind = serverKind;
        this.backups = backups;
        this.retrying = retrying;
    }

    @Override
    public String kind() {
        return "database-replica";
    }

    @Override
    public void validate(DesiredResource desired) {
        ReplicaSpec.of(desired);
    }

    @Override
    @WithSpan("observe database-replica")
    public Optional<Server> observe(ResourceAddress address, String providerRegion) {
        return servers.oldestLabelled(ReplicaLabels.selector(address), address);
    }

    @Override
    @WithSpan("create database-replica")
    public Server create(DesiredResource desired) {
        ReplicaSpec spec = ReplicaSpec.of(desired);
        return spec.hosted() ? claimHost(desired, spec) : createDedicated(desired, spec);
    }

    /**
     * Labels the host as the replica's (merged into its labels) and attaches the backup volume. The label naming the
     * volume is written before the attach, so a redelivery after a failed attach finishes it and a delete detaches it.
     */
    private Server claimHost(DesiredResource desired, ReplicaSpec spec) {
        ResourceAddress hostAddress = spec.host().orElseThrow();
        Server host = serverKind.observe(hostAddress, desired.providerRegion())
                .orElseThrow(() -> HetznerLabels.missingReference("host", hostAddress, desired.address()));
        Optional<Volume> volume = backups.resolve(spec, desired);
        String replica = HetznerLabels.addressHash(desired.address());
        Optional<String> other = ReplicaLabels.replicaOf(host).filter(hash -> !hash.equals(replica));
        if (other.isPresent()) {
            throw ProviderException.of("host_in_use", "spec.host of " + desired.address() + " is " + hostAddress
                    + " (server id " + host.getId() + "), which already hosts another database replica ("
                    + ReplicaLabels.REPLICA + "=" + other.get() + "); one replica per server", false);
        }
        volume.ifPresent(v -> BackupVolumes.requireAttachable(v, host, desired));
        Optional<Volume> toAttach = volume.filter(v -> !BackupVolumes.isAttachedTo(v, host));
        return labelAndAttach(host, desired.address(), toAttach);
    }

    private Server createDedicated(DesiredResource desired, ReplicaSpec spec) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<Server> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<Volume> volume = backups.resolve(spec, desired);
        volume.ifPresent(v -> BackupVolumes.requireAttachable(v, null, desired));
        Optional<Long> volumeId = volume.map(Volume::getId);
        // Attached in the create request itself: a server being created is locked against a separate attach.
        return servers.create(desired, spec.serverType(), ReplicaLabels.of(desired.address(), volumeId),
                volumeId.map(List::of).orElse(List.of()));
    }

    /** Merges the replica's labels into the server's (only if they change) and attaches a volume if given. */
    private Server labelAndAttach(Server server, ResourceAddress replica, Optional<Volume> toAttach) {
        Map<String, String> labels = ReplicaLabels.merged(server, replica, toAttach.map(Volume::getId));
        Server labelled = labels.equals(server.getLabels()) ? server
                : api.updateServer(server.getId(), server.getName(), labels);
        toAttach.ifPresent(v -> backups.attach(v, labelled));
        return labelled;
    }

    @Override
    public boolean isUpToDate(Server observed, DesiredResource desired) {
        ReplicaSpec spec = ReplicaSpec.of(desired);
        if (!runsWhereSpecSays(observed, spec)
                || (ReplicaLabels.isDedicated(observed) && !HetznerServers.hasType(observed, spec.serverType()))) {
            return false;
        }
        if (spec.backupVolume().isEmpty()) {
            return true;
        }
        return retrying.call("look up the backup volume of " + desired.address(), () -> backups.find(spec, desired))
                .filter(v -> BackupVolumes.isAttachedTo(v, observed)).isPresent();
    }

    /** Attaches a backup volume the server lacks; a replica is never moved or resized. */
    @Override
    @WithSpan("update database-replica")
    public Server update(Server observed, DesiredResource desired) {
        ReplicaSpec spec = ReplicaSpec.of(desired);
        if (!runsWhereSpecSays(observed, spec)) {
            throw ProviderException.of("replica_move_unsupported", "database-replica " + desired.address()
                    + " runs on server " + observed.getName() + " (id " + observed.getId() + ", "
                    + (ReplicaLabels.isDedicated(observed) ? "its own" : "a host") + ") but the spec asks for "
                    + spec.host().map(h -> "host " + h).orElse("a dedicated server")
                    + "; moving a replica is not supported: delete and re-create it", false);
        }
        if (ReplicaLabels.isDedicated(observed) && !HetznerServers.hasType(observed, spec.serverType())) {
            throw HetznerServers.resizeUnsupported(desired.address(), observed, spec.serverType());
        }
        Optional<Volume> volume = backups.resolve(spec, desired);
        volume.ifPresent(v -> BackupVolumes.requireAttachable(v, observed, desired));
        return labelAndAttach(observed, desired.address(), volume.filter(v -> !BackupVolumes.isAttachedTo(v,
                observed)));
    }

    /** A dedicated server for a spec without {@code host}; else the very server {@code host} names. */
    private static boolean runsWhereSpecSays(Server server, ReplicaSpec spec) {
        if (spec.host().isEmpty()) {
            return ReplicaLabels.isDedicated(server);
        }
        String hostHash = HetznerLabels.addressHash(spec.host().get());
        return !ReplicaLabels.isDedicated(server) && server.getLabels() != null
                && hostHash.equals(server.getLabels().get(HetznerLabels.ADDRESS_LABEL));
    }

    /**
     * A dedicated server is deleted (Hetzner detaches its volumes). A host gets its labels back without the
     * replica's, after the backup volume the agent attached for the replica is detached from it.
     */
    @Override
    @WithSpan("delete database-replica")
    public void delete(Server observed) {
        if (ReplicaLabels.isDedicated(observed)) {
            servers.delete(observed);
            return;
        }
        ReplicaLabels.attachedVolume(observed).ifPresent(id -> backups.detachFrom(id, observed));
        try {
            api.updateServer(observed.getId(), observed.getName(), ReplicaLabels.released(observed));
        } catch (ProviderException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            // The host is gone, and the replica's labels with it.
        }
    }

    /**
     * {@code host} (the private address when the server is in a network, else the public one), {@code ipv4},
     * {@code ipv4_private}, {@code port} and {@code backup_volume_id} when the backup volume is attached; size =
     * the server's type; a price key only for a dedicated server (a host is priced as the server it is).
     */
    @Override
    public ReadyResource describe(Server ready, DesiredResource desired) {
        ReplicaSpec spec = ReplicaSpec.of(desired);
        Map<String, String> addresses = new LinkedHashMap<>();
        HetznerServers.privateIpv4(ready).or(() -> HetznerServers.publicIpv4(ready))
                .ifPresent(ip -> addresses.put("host", ip));
        addresses.putAll(HetznerServers.addresses(ready));
        addresses.put("port", PORT);
        if (spec.backupVolume().isPresent()) {
            retrying.call("look up the backup volume of " + desired.address(), () -> backups.find(spec, desired))
                    .filter(v -> BackupVolumes.isAttachedTo(v, ready))
                    .ifPresent(v -> addresses.put("backup_volume_id", String.valueOf(v.getId())));
        }
        String type = HetznerServers.type(ready, spec.serverType());
        String priceKey = ReplicaLabels.isDedicated(ready)
                ? HetznerServers.priceKey(ready, type, desired.providerRegion()) : null;
        return new ReadyResource(providerId(ready), addresses, type, priceKey);
    }
}
