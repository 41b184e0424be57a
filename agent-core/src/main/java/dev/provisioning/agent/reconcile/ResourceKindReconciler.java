package dev.provisioning.agent.reconcile;

import dev.provisioning.contracts.ResourceAddress;
import java.util.Optional;

/**
 * One provider resource kind (droplet, server, EC2 instance, load balancer…) behind the four idempotent verbs
 * the generic {@link Reconciler} drives. Failures are thrown as classified
 * {@link dev.provisioning.agent.retry.ProviderException}s; the reconciler retries the retryable ones.
 *
 * @param <R> the provider SDK's object for this kind
 */
public interface ResourceKindReconciler<R> {

    /** The address kind handled, e.g. {@code droplet}. */
    String kind();

    /** Rejects a spec that cannot be carried out, before any provider call. */
    default void validate(DesiredResource desired) {
    }

    /** The provider's object for the address, looked up by the identity the agent wrote on it; changes nothing. */
    Optional<R> observe(ResourceAddress address, String providerRegion);

    /**
     * Creates the object. Called again with the same input (after a lost response or a redelivered command) it
     * returns the object the first call made instead of failing or making a second one.
     */
    R create(DesiredResource desired);

    /** Whether an existing object already matches the spec; when not, {@link #update} is called. */
    default boolean isUpToDate(R observed, DesiredResource desired) {
        return true;
    }

    /** Brings an existing object in line with the spec. */
    default R update(R observed, DesiredResource desired) {
        return observed;
    }

    /** Deletes the object; no error when it is already gone. */
    void delete(R observed);

    /** Whether the provider reports the object ready for use. */
    boolean isReady(R observed);

    /** The provider's status word for the object, for logs and timeout messages. */
    String status(R observed);

    /** The provider's id of the object. */
    String providerId(R observed);

    /** What the {@code ResourceReady} event reports about a ready object. */
    ReadyResource describe(R ready, DesiredResource desired);
}
