package dev.provisioning.agent.reconcile;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.agent.retry.RetryingCaller;
import dev.provisioning.agent.retry.Sleeper;
import dev.provisioning.contracts.ResourceAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The one reconcile loop every agent runs, whatever the resource kind: observe by address, create when absent or
 * update when it differs, then wait until the provider reports it ready; for deletion, observe, delete and wait
 * until it is gone. Each provider call is retried as the {@link RetryingCaller}'s policy says.
 */
public final class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final String provider;
    private final Map<String, ResourceKindReconciler<?>> kinds;
    private final RetryingCaller retrying;
    private final ReadinessPolicy readiness;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param provider the provider's id, for messages such as "the hetzner agent does not handle kind …"
     * @throws IllegalStateException when two reconcilers claim the same kind
     */
    public Reconciler(String provider, Collection<? extends ResourceKindReconciler<?>> kinds, RetryingCaller retrying,
                      ReadinessPolicy readiness, Sleeper sleeper, Clock clock) {
        this.provider = provider;
        Map<String, ResourceKindReconciler<?>> byKind = new LinkedHashMap<>();
        for (ResourceKindReconciler<?> kind : kinds) {
            ResourceKindReconciler<?> previous = byKind.put(kind.kind(), kind);
            if (previous != null) {
                throw new IllegalStateException("kind '" + kind.kind() + "' is handled by both "
                        + previous.getClass().getName() + " and " + kind.getClass().getName());
            }
        }
        this.kinds = Collections.unmodifiableMap(byKind);
        this.retrying = retrying;
        this.readiness = readiness;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The address kinds this agent handles. */
    public Set<String> supportedKinds() {
        return kinds.keySet();
    }

    /** Makes the resource exist as specified and returns it once the provider reports it ready. */
    public ReadyResource provision(DesiredResource desired) {
        return provision(kindOf(desired.address()), desired);
    }

    /**
     * Makes sure the resource no longer exists.
     *
     * @return the provider id of the object that was deleted, or empty if there was none
     */
    public Optional<String> delete(ResourceAddress address, String providerRegion) {
        return delete(kindOf(address), address, providerRegion);
    }

    private ResourceKindReconciler<?> kindOf(ResourceAddress address) {
        ResourceKindReconciler<?> kind = kinds.get(address.kind());
        if (kind == null) {
            throw ProviderException.unsupportedKind(provider, address.kind(), kinds.keySet());
        }
        return kind;
    }

    private <R> ReadyResource provision(ResourceKindReconciler<R> kind, DesiredResource desired) {
        kind.validate(desired);
        String what = kind.kind() + " " + desired.address();
        Optional<R> observed = observe(kind, desired.address(), desired.providerRegion());
        R current;
        if (observed.isEmpty()) {
            current = retrying.call("create " + what, () -> kind.create(desired));
            LOG.infof("created address=%s providerId=%s status=%s", desired.address(), kind.providerId(current),
                    kind.status(current));
        } else if (!kind.isUpToDate(observed.get(), desired)) {
            current = retrying.call("update " + what, () -> kind.update(observed.get(), desired));
            LOG.infof("updated address=%s providerId=%s", desired.address(), kind.providerId(current));
        } else {
            current = observed.get();
            LOG.infof("already exists address=%s providerId=%s status=%s", desired.address(),
                    kind.providerId(current), kind.status(current));
        }
        R ready = awaitReady(kind, desired, current);
        return kind.describe(ready, desired);
    }

    private <R> Optional<String> delete(ResourceKindReconciler<R> kind, ResourceAddress address, String region) {
        Optional<R> observed = observe(kind, address, region);
        if (observed.isEmpty()) {
            LOG.infof("nothing to delete address=%s", address);
            return Optional.empty();
        }
        R existing = observed.get();
        retrying.call("delete " + kind.kind() + " " + address, () -> {
            kind.delete(existing);
            return null;
        });
        awaitGone(kind, address, region);
        LOG.infof("deleted address=%s providerId=%s", address, kind.providerId(existing));
        return Optional.of(kind.providerId(existing));
    }

    private <R> Optional<R> observe(ResourceKindReconciler<R> kind, ResourceAddress address, String region) {
        return retrying.call("observe " + kind.kind() + " " + address, () -> kind.observe(address, region));
    }

    private <R> R awaitReady(ResourceKindReconciler<R> kind, DesiredResource desired, R created) {
        Instant deadline = clock.instant().plus(readiness.timeout());
        R current = created;
        for (int poll = 1; !kind.isReady(current); poll++) {
            if (!waitBeforePoll(poll, deadline, desired.address())) {
                throw ProviderException.timeout(kind.kind() + " " + desired.address() + " was not ready after "
                        + readiness.timeout() + " (last status: " + kind.status(current) + ")");
            }
            current = observe(kind, desired.address(), desired.providerRegion())
                    .orElseThrow(() -> ProviderException.of("vanished", kind.kind() + " " + desired.address()
                            + " disappeared while waiting for it to become ready", true));
        }
        return current;
    }

    private <R> void awaitGone(ResourceKindReconciler<R> kind, ResourceAddress address, String region) {
        Instant deadline = clock.instant().plus(readiness.timeout());
        for (int poll = 1; ; poll++) {
            if (!waitBeforePoll(poll, deadline, address)) {
                throw ProviderException.timeout(kind.kind() + " " + address + " still existed "
                        + readiness.timeout() + " after it was deleted");
            }
            if (observe(kind, address, region).isEmpty()) {
                return;
            }
        }
    }

    /** Sleeps before poll number {@code poll}, never past the deadline; false once the deadline has passed. */
    private boolean waitBeforePoll(int poll, Instant deadline, ResourceAddress address) {
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            return false;
        }
        Duration wait = readiness.pollInterval(poll);
        try {
            sleeper.sleep(wait.compareTo(remaining) < 0 ? wait : remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.of("interrupted", "interrupted while waiting for " + address, true);
        }
        return true;
    }
}
