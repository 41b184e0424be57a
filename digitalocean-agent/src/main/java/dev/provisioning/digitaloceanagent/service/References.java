package dev.provisioning.digitaloceanagent.service;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;

/** Reading and checking spec values that refer to other resources by address. */
final class References {

    private References() {
    }

    /**
     * Parses an address given in {@code spec.<key>}.
     *
     * @param kind the kind the address must have, e.g. {@code vpc}
     */
    static ResourceAddress parse(String key, String text, String kind) {
        ResourceAddress address;
        try {
            address = ResourceAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalidSpec("spec." + key + ": '" + text + "' is not a resource address "
                    + "(<workspace>/<region>/<kind>/<name>)");
        }
        if (!address.kind().equals(kind)) {
            throw ProviderException.invalidSpec("spec." + key + ": '" + text + "' must be the address of a " + kind
                    + ", not a " + address.kind());
        }
        return address;
    }

    /** The failure when a referenced resource does not exist at the provider. */
    static ProviderException missing(String key, ResourceAddress address) {
        return ProviderException.of("reference_not_found", "spec." + key + ": " + address.kind() + " " + address
                + " does not exist at DigitalOcean; it must be provisioned first", false);
    }
}
