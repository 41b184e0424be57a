package dev.provisioning.contracts.messages;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import java.util.Map;

/**
 * Command to an agent: make the resource at {@code address} exist with {@code spec}. Idempotent: the agent looks the
 * address up at the provider first and never creates a second object for it.
 *
 * @param spec    provider-specific attributes, e.g. {@code size}, {@code image}, {@code tags}
 * @param context planner-owned metadata every resulting event echoes back (see {@code ContextKeys})
 */
public record ProvisionResource(String rolloutId, ResourceAddress address, Provider provider, String providerRegion,
                                Map<String, Object> spec, Map<String, String> context) implements ProvisioningMessage {

    public ProvisionResource {
        Require.text(rolloutId, "rolloutId");
        Require.present(address, "address");
        Require.present(provider, "provider");
        Require.text(providerRegion, "providerRegion");
        spec = spec == null ? Map.of() : Map.copyOf(spec);
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    @Override
    public String key() {
        return address.toString();
    }
}
