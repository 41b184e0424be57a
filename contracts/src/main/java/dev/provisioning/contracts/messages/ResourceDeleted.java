package dev.provisioning.contracts.messages;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import java.time.Instant;
import java.util.Map;

/** Event from an agent: the resource is gone at the provider ({@code providerId} is null if it never existed). */
public record ResourceDeleted(String rolloutId, ResourceAddress address, Provider provider, String providerId,
                              Map<String, String> context, Instant deletedAt) implements ProvisioningMessage {

    public ResourceDeleted {
        Require.present(address, "address");
        Require.present(provider, "provider");
        Require.present(deletedAt, "deletedAt");
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    @Override
    public String key() {
        return address.toString();
    }
}
