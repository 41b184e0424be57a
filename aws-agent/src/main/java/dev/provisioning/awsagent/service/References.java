package dev.provisioning.awsagent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.util.List;
import java.util.Optional;

/** Reads the addresses a spec refers to (the planner writes references as addresses) and checks their kind. */
final class References {

    private References() {
    }

    static Optional<ResourceAddress> optional(DesiredResource desired, String key, String kind) {
        return desired.optionalText(key).map(text -> parse(desired, key, text, kind));
    }

    static ResourceAddress required(DesiredResource desired, String key, String kind) {
        return parse(desired, key, desired.requiredText(key), kind);
    }

    static List<ResourceAddress> list(DesiredResource desired, String key, String kind) {
        return desired.textList(key).stream().map(text -> parse(desired, key, text, kind)).toList();
    }

    /** A referenced resource the planner should have made ready first: retryable, it may just be late. */
    static ProviderException missing(DesiredResource desired, ResourceAddress reference) {
        return ProviderException.of("dependency_not_found", desired.address().kind() + " " + desired.address()
                + " refers to " + reference + ", which does not exist in " + desired.providerRegion(), true);
    }

    private static ResourceAddress parse(DesiredResource desired, String key, String text, String kind) {
        ResourceAddress reference;
        try {
            reference = ResourceAddress.parse(text);
        } catch (RuntimeException e) {
            throw ProviderException.invalidSpec("spec." + key + " of " + desired.address() + " must be a resource "
                    + "address <workspace>/<region>/" + kind + "/<name>, was '" + text + "'");
        }
        if (!reference.kind().equals(kind)) {
            throw ProviderException.invalidSpec("spec." + key + " of " + desired.address() + " must refer to a "
                    + kind + ", but " + reference + " is a " + reference.kind());
        }
        return reference;
    }
}
