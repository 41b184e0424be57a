package dev.provisioning.hetzneragent.service;

import dev.provisioning.contracts.ResourceAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import me.tomsdevsn.hetznercloud.objects.general.Server;

/**
 * The labels that mark the server a database replica runs on: {@code db-replica=<20 hex of the SHA-256 of the
 * replica's address>} (what the replica is looked up by), {@code db-role=replica}, and
 * {@code db-replica-volume=<volume id>} when the agent attached the replica's backup volume to that server (so that
 * only such a volume is detached when the replica goes). A dedicated replica server also has the usual address
 * labels, with {@code prov-addr} equal to {@code db-replica}; a host keeps its own.
 */
final class ReplicaLabels {

    static final String REPLICA = "db-replica";
    static final String ROLE = "db-role";
    static final String ROLE_REPLICA = "replica";
    static final String VOLUME = "db-replica-volume";

    private ReplicaLabels() {
    }

    /** The label selector finding the server of a replica. */
    static String selector(ResourceAddress replica) {
        return REPLICA + "=" + HetznerLabels.addressHash(replica);
    }

    /** The labels a replica adds to its server; {@code attachedVolume} is the backup volume the agent attaches. */
    static Map<String, String> of(ResourceAddress replica, Optional<Long> attachedVolume) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(REPLICA, HetznerLabels.addressHash(replica));
        labels.put(ROLE, ROLE_REPLICA);
        attachedVolume.ifPresent(id -> labels.put(VOLUME, String.valueOf(id)));
        return labels;
    }

    /** A server's labels with a replica's merged in, every other label kept. */
    static Map<String, String> merged(Server server, ResourceAddress replica, Optional<Long> attachedVolume) {
        Map<String, String> labels = new LinkedHashMap<>(labels(server));
        labels.putAll(of(replica, attachedVolume));
        return labels;
    }

    /** A server's labels without any replica's, every other label kept. */
    static Map<String, String> released(Server server) {
        Map<String, String> labels = new LinkedHashMap<>(labels(server));
        labels.remove(REPLICA);
        labels.remove(ROLE);
        labels.remove(VOLUME);
        return labels;
    }

    /** The hash of the replica the server carries, if any. */
    static Optional<String> replicaOf(Server server) {
        return Optional.ofNullable(labels(server).get(REPLICA));
    }

    /** Whether the server was made for the replica (its own address is the replica's) rather than hosting it. */
    static boolean isDedicated(Server server) {
        String replica = labels(server).get(REPLICA);
        return replica != null && replica.equals(labels(server).get(HetznerLabels.ADDRESS_LABEL));
    }

    /** The backup volume the agent attached to the server for its replica. */
    static Optional<Long> attachedVolume(Server server) {
        String id = labels(server).get(VOLUME);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> labels(Server server) {
        return server.getLabels() == null ? Map.of() : server.getLabels();
    }
}
