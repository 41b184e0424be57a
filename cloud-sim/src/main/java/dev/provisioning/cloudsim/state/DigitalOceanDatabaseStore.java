package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Thread-safe store of DigitalOcean database clusters and their read-only replicas: created {@code creating},
 * {@code online} after the configured delay. Cluster and replica names share one namespace, since each names hosts.
 */
public final class DigitalOceanDatabaseStore {

    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PASSWORD_LENGTH = 19;

    private final SimTimers timers;
    private final Supplier<Duration> onlineDelay;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, DigitalOceanDatabase> clusters = new LinkedHashMap<>();
    private final Map<String, DigitalOceanDatabaseReplica> replicas = new LinkedHashMap<>();
    private long generation;

    /**
     * @param onlineDelay time from creation to {@code online}, read at each creation so runtime changes apply
     */
    public DigitalOceanDatabaseStore(SimTimers timers, Supplier<Duration> onlineDelay) {
        this.timers = timers;
        this.onlineDelay = onlineDelay;
    }

    /**
     * Stores a validated cluster as {@code creating} under a fresh id and password and schedules it going online.
     * The draft's id, status and password are ignored.
     *
     * @throws DigitalOceanConflict when a cluster or replica already has the name
     */
    public synchronized DigitalOceanDatabase create(DigitalOceanDatabase draft) {
        requireFreeName(draft.name());
        DigitalOceanDatabase created = new DigitalOceanDatabase(UUID.randomUUID().toString(), draft.name(),
                draft.engine(), draft.version(), draft.region(), draft.size(), draft.numNodes(),
                DigitalOceanDatabase.Status.CREATING, draft.tags(), draft.privateNetworkUuid(), newPassword(),
                draft.createdAt().truncatedTo(ChronoUnit.SECONDS));
        clusters.put(created.id(), created);
        long scheduledInGeneration = generation;
        timers.after(onlineDelay.get(), () -> clusterOnline(created.id(), scheduledInGeneration));
        return created;
    }

    /** Every cluster in creation order. */
    public synchronized List<DigitalOceanDatabase> list() {
        return List.copyOf(clusters.values());
    }

    public synchronized Optional<DigitalOceanDatabase> find(String id) {
        return Optional.ofNullable(clusters.get(id));
    }

    /** Deletes a cluster together with its replicas; false when there is none with that id. */
    public synchronized boolean delete(String id) {
        if (clusters.remove(id) == null) {
            return false;
        }
        replicas.values().removeIf(r -> r.clusterId().equals(id));
        return true;
    }

    /**
     * Stores a validated replica of an existing cluster as {@code creating} and schedules it going online.
     *
     * @throws DigitalOceanConflict when a cluster or replica already has the name
     */
    public synchronized DigitalOceanDatabaseReplica addReplica(DigitalOceanDatabaseReplica draft) {
        if (!clusters.containsKey(draft.clusterId())) {
            throw new IllegalArgumentException("no cluster " + draft.clusterId());
        }
        requireFreeName(draft.name());
        DigitalOceanDatabaseReplica created = new DigitalOceanDatabaseReplica(UUID.randomUUID().toString(),
                draft.clusterId(), draft.name(), draft.region(), draft.size(), DigitalOceanDatabase.Status.CREATING,
                draft.tags(), draft.privateNetworkUuid(), draft.createdAt().truncatedTo(ChronoUnit.SECONDS));
        replicas.put(created.id(), created);
        long scheduledInGeneration = generation;
        timers.after(onlineDelay.get(), () -> replicaOnline(created.id(), scheduledInGeneration));
        return created;
    }

    /** The replicas of one cluster in creation order. */
    public synchronized List<DigitalOceanDatabaseReplica> replicas(String clusterId) {
        return replicas.values().stream().filter(r -> r.clusterId().equals(clusterId)).toList();
    }

    /** Every replica of every cluster in creation order. */
    public synchronized List<DigitalOceanDatabaseReplica> allReplicas() {
        return List.copyOf(replicas.values());
    }

    public synchronized Optional<DigitalOceanDatabaseReplica> replica(String clusterId, String name) {
        return replicas.values().stream()
                .filter(r -> r.clusterId().equals(clusterId) && r.name().equals(name)).findFirst();
    }

    /** Deletes a replica of a cluster by name; false when the cluster has no replica of that name. */
    public synchronized boolean deleteReplica(String clusterId, String name) {
        return replica(clusterId, name).map(r -> replicas.remove(r.id()) != null).orElse(false);
    }

    /** Forgets every cluster and replica; transitions scheduled before the reset no longer apply. */
    public synchronized void reset() {
        clusters.clear();
        replicas.clear();
        generation++;
    }

    private void requireFreeName(String name) {
        if (clusters.values().stream().anyMatch(c -> c.name().equals(name))
                || replicas.values().stream().anyMatch(r -> r.name().equals(name))) {
            throw new DigitalOceanConflict("A database cluster or replica named " + name + " already exists.");
        }
    }

    private String newPassword() {
        StringBuilder password = new StringBuilder("AVNS_");
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private synchronized void clusterOnline(String id, long scheduledInGeneration) {
        DigitalOceanDatabase cluster = clusters.get(id);
        if (scheduledInGeneration == generation && cluster != null
                && cluster.status() == DigitalOceanDatabase.Status.CREATING) {
            clusters.put(id, cluster.online());
        }
    }

    private synchronized void replicaOnline(String id, long scheduledInGeneration) {
        DigitalOceanDatabaseReplica replica = replicas.get(id);
        if (scheduledInGeneration == generation && replica != null
                && replica.status() == DigitalOceanDatabase.Status.CREATING) {
            replicas.put(id, replica.online());
        }
    }
}
