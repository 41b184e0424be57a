package dev.provisioning.contracts.messages;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import java.util.Map;

/** Command to an agent: make sure the resource at {@code address} no longer exists (no error if already gone). */
public record DeleteResource(String rolloutId, ResourceAddress address, Provider provider, String providerRegion,
                             Map<String, String> context) implements ProvisioningMessage {

    public DeleteResource {
        Require.text(rolloutId, "rolloutId");
        Require.present(address, "address");
        Require.present(provider, "provider");
        Require.text(providerRegion, "providerRegion");
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    @Override
    public String key() {
        return address.toString();
    }
}
