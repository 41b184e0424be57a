package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Thread-safe store of DigitalOcean droplets and their actions: the boot transition, and the power and resize actions,
 * each completing after the droplet delay.
 */
public final class DropletStore {

    /** Ids look like recent real ones and still fit the 32-bit integers some SDKs use. */
    static final int FIRST_DROPLET_ID = 480_000_001;
    static final int FIRST_ACTION_ID = 1_900_000_001;
    private static final String[] PUBLIC_BLOCKS = {"198.51.100", "203.0.113", "192.0.2"};

    /** The result of a create call: the droplets as created (status new) and one create action each. */
    public record Creation(List<Droplet> droplets, List<DropletAction> actions) {
    }

    private final SimTimers timers;
    private final Supplier<Duration> bootDelay;
    private final Map<Integer, Droplet> droplets = new TreeMap<>();
    private final Map<Integer, DropletAction> actions = new TreeMap<>();
    private int nextDropletId = FIRST_DROPLET_ID;
    private int nextActionId = FIRST_ACTION_ID;
    private long generation;

    /**
     * @param timers    runs the boot transition
     * @param bootDelay time from creation to {@code active}, and from an action's start to its completion; read each
     *                  time, so runtime changes apply
     */
    public DropletStore(SimTimers timers, Supplier<Duration> bootDelay) {
        this.timers = timers;
        this.bootDelay = bootDelay;
    }

    /**
     * Creates all drafts or none: empty when the account's droplet limit would be exceeded.
     * Each droplet starts as {@code new} and becomes {@code active} after the boot delay.
     */
    public synchronized Optional<Creation> create(List<DropletDraft> drafts, int dropletLimit, Instant now) {
        if (droplets.size() + drafts.size() > dropletLimit) {
            return Optional.empty();
        }
        Instant createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        List<Droplet> created = new ArrayList<>();
        List<DropletAction> started = new ArrayList<>();
        for (DropletDraft draft : drafts) {
            int id = nextDropletId++;
            Droplet droplet = new Droplet(id, draft.name(), draft.tags(), Droplet.Status.NEW, draft.sizeSlug(),
                    draft.diskGb(), draft.region(), draft.image(), freePublicAddress(), freePrivateAddress(draft),
                    draft.ipv6() ? publicIpv6(id) : null, draft.vpcUuid(), draft.sshKeys(), draft.backups(),
                    draft.monitoring(), draft.userData(), createdAt);
            droplets.put(id, droplet);
            DropletAction action = new DropletAction(nextActionId++, "create", "in-progress", createdAt, null, id,
                    "droplet", draft.region());
            actions.put(action.id(), action);
            created.add(droplet);
            started.add(action);
        }
        long createdInGeneration = generation;
        Duration delay = bootDelay.get();
        for (Droplet droplet : created) {
            timers.after(delay, () -> activate(droplet.id(), createdInGeneration));
        }
        return Optional.of(new Creation(List.copyOf(created), List.copyOf(started)));
    }

    public synchronized List<Droplet> list() {
        return List.copyOf(droplets.values());
    }

    public synchronized Optional<Droplet> find(int id) {
        return Optional.ofNullable(droplets.get(id));
    }

    public synchronized int count() {
        return droplets.size();
    }

    public synchronized boolean delete(int id) {
        return droplets.remove(id) != null;
    }

    /** Deletes every droplet carrying the tag and returns how many there were. */
    public synchronized int deleteTagged(String tag) {
        List<Integer> tagged = droplets.values().stream().filter(d -> d.hasTag(tag)).map(Droplet::id).toList();
        tagged.forEach(droplets::remove);
        return tagged.size();
    }

    /**
     * Starts an action on a droplet: {@code in-progress} now, {@code completed} after the droplet delay, when its
     * effect (power state, size) shows on the droplet. Empty when the droplet does not exist.
     *
     * @throws DigitalOceanConflict with DigitalOcean's message when another action on the droplet is still in progress
     *                              (its creation included) or the droplet's state does not allow the action
     */
    public synchronized Optional<DropletAction> startAction(int id, DropletActionRequest request, Instant now) {
        Droplet droplet = droplets.get(id);
        if (droplet == null) {
            return Optional.empty();
        }
        if (actions.values().stream().anyMatch(a -> a.resourceId() == id && a.completedAt() == null)) {
            throw new DigitalOceanConflict("Droplet already has a pending event.");
        }
        DropletActionRules.check(droplet, request);
        DropletAction action = new DropletAction(nextActionId++, request.type(), "in-progress",
                now.truncatedTo(ChronoUnit.SECONDS), null, id, "droplet", droplet.region());
        actions.put(action.id(), action);
        long startedInGeneration = generation;
        timers.after(bootDelay.get(), () -> complete(action.id(), request, startedInGeneration));
        return Optional.of(action);
    }

    public synchronized List<DropletAction> actions() {
        return List.copyOf(actions.values());
    }

    public synchronized Optional<DropletAction> action(int id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** Forgets every droplet and action; transitions scheduled before the reset no longer apply. */
    public synchronized void reset() {
        droplets.clear();
        actions.clear();
        nextDropletId = FIRST_DROPLET_ID;
        nextActionId = FIRST_ACTION_ID;
        generation++;
    }

    private synchronized void activate(int id, long scheduledInGeneration) {
        if (scheduledInGeneration != generation) {
            return;
        }
        Droplet droplet = droplets.get(id);
        if (droplet == null || droplet.status() != Droplet.Status.NEW) {
            return;
        }
        droplets.put(id, droplet.withStatus(Droplet.Status.ACTIVE));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        actions.replaceAll((actionId, action) -> action.resourceId() == id && action.completedAt() == null
                && action.type().equals("create") ? action.completed(now) : action);
    }

    /** Ends an action: its effect shows on the droplet; a droplet deleted meanwhile leaves the action errored. */
    private synchronized void complete(int actionId, DropletActionRequest request, long startedInGeneration) {
        DropletAction action = actions.get(actionId);
        if (startedInGeneration != generation || action == null || action.completedAt() != null) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Droplet droplet = droplets.get(action.resourceId());
        if (droplet == null) {
            actions.put(actionId, action.errored(now));
            return;
        }
        droplets.put(droplet.id(), DropletActionRules.apply(droplet, request));
        actions.put(actionId, action.completed(now));
    }

    /** The lowest documentation-range address no live droplet holds, so addresses are stable and unique. */
    private String freePublicAddress() {
        Set<String> inUse = new HashSet<>();
        droplets.values().forEach(d -> inUse.add(d.ipv4()));
        for (String block : PUBLIC_BLOCKS) {
            for (int host = 2; host < 255; host++) {
                String candidate = block + "." + host;
                if (!inUse.contains(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no public IPv4 address left");
    }

    private String freePrivateAddress(DropletDraft draft) {
        Set<String> inUse = new HashSet<>();
        droplets.values().stream().filter(d -> d.vpcUuid().equals(draft.vpcUuid()))
                .forEach(d -> inUse.add(d.privateIpv4()));
        DigitalOceanIpRange range = draft.privateIpRange();
        // The network address, the gateway (.1) and the broadcast address are left to the network.
        for (long offset = 2; offset < range.size() - 1; offset++) {
            String candidate = range.host(offset);
            if (!inUse.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no private IPv4 address left in VPC " + draft.vpcUuid());
    }

    private static String publicIpv6(int id) {
        return "2001:db8:" + Integer.toHexString(id >>> 16) + ":" + Integer.toHexString(id & 0xffff) + "::1";
    }
}
