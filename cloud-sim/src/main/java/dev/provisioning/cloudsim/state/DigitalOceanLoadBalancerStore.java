package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Thread-safe store of DigitalOcean load balancers: created {@code new} without an address, {@code active} with a
 * public IPv4 after the configured delay.
 */
public final class DigitalOceanLoadBalancerStore {

    /** Taken from the top of the documentation ranges, while droplets take from the bottom, so they never meet. */
    private static final String[] PUBLIC_BLOCKS = {"192.0.2", "203.0.113", "198.51.100"};

    private final SimTimers timers;
    private final Supplier<Duration> activationDelay;
    private final Map<String, DigitalOceanLoadBalancer> loadBalancers = new LinkedHashMap<>();
    private long generation;

    /**
     * @param activationDelay time from creation to {@code active}, read at each creation so runtime changes apply
     */
    public DigitalOceanLoadBalancerStore(SimTimers timers, Supplier<Duration> activationDelay) {
        this.timers = timers;
        this.activationDelay = activationDelay;
    }

    /** Stores a validated load balancer as {@code new} under a fresh id and schedules its activation. */
    public synchronized DigitalOceanLoadBalancer create(DigitalOceanLoadBalancer draft) {
        DigitalOceanLoadBalancer created = new DigitalOceanLoadBalancer(UUID.randomUUID().toString(), draft.name(),
                draft.region(), draft.sizeUnit(), draft.sizeSlug(), DigitalOceanLoadBalancer.Status.NEW, null,
                draft.forwardingRules(), draft.healthCheck(), draft.stickySessionsType(), draft.redirectHttpToHttps(),
                draft.dropletIds(), draft.tag(), draft.vpcUuid(), draft.createdAt());
        loadBalancers.put(created.id(), created);
        long scheduledInGeneration = generation;
        timers.after(activationDelay.get(), () -> activate(created.id(), scheduledInGeneration));
        return created;
    }

    /** Every load balancer in creation order. */
    public synchronized List<DigitalOceanLoadBalancer> list() {
        return List.copyOf(loadBalancers.values());
    }

    public synchronized Optional<DigitalOceanLoadBalancer> find(String id) {
        return Optional.ofNullable(loadBalancers.get(id));
    }

    /** Applies a change to an existing load balancer; empty when there is none with that id. */
    public synchronized Optional<DigitalOceanLoadBalancer> update(String id,
            UnaryOperator<DigitalOceanLoadBalancer> change) {
        DigitalOceanLoadBalancer current = loadBalancers.get(id);
        if (current == null) {
            return Optional.empty();
        }
        DigitalOceanLoadBalancer changed = change.apply(current);
        loadBalancers.put(id, changed);
        return Optional.of(changed);
    }

    public synchronized boolean delete(String id) {
        return loadBalancers.remove(id) != null;
    }

    /** Forgets every load balancer; activations scheduled before the reset no longer apply. */
    public synchronized void reset() {
        loadBalancers.clear();
        generation++;
    }

    private synchronized void activate(String id, long scheduledInGeneration) {
        DigitalOceanLoadBalancer loadBalancer = loadBalancers.get(id);
        if (scheduledInGeneration != generation || loadBalancer == null
                || loadBalancer.status() != DigitalOceanLoadBalancer.Status.NEW) {
            return;
        }
        loadBalancers.put(id, loadBalancer.activated(freePublicAddress()));
    }

    private String freePublicAddress() {
        Set<String> inUse = new HashSet<>();
        loadBalancers.values().forEach(lb -> inUse.add(lb.ip()));
        for (String block : PUBLIC_BLOCKS) {
            for (int host = 254; host > 1; host--) {
                String candidate = block + "." + host;
                if (!inUse.contains(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no public IPv4 address left for load balancers");
    }
}
