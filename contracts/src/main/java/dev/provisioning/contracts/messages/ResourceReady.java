package dev.provisioning.contracts.messages;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import java.time.Instant;
import java.util.Map;

/**
 * Event from an agent: the provider reports the resource ready.
 *
 * @param providerId the provider's own id (droplet id, server id, instance id, ARN)
 * @param addresses  network addresses by kind, e.g. {@code ipv4}, {@code ipv4_private}
 * @param size       the provider's size or type slug, e.g. {@code s-2vcpu-4gb}
 * @param priceKey   what cost-service prices it by, e.g. {@code digitalocean:size:s-2vcpu-4gb}
 */
public record ResourceReady(String rolloutId, ResourceAddress address, Provider provider, String providerRegion,
                            String providerId, Map<String, String> addresses, String size, String priceKey,
                            Map<String, String> context, Instant readyAt) implements ProvisioningMessage {

    public ResourceReady {
        Require.present(address, "address");
        Require.present(provider, "provider");
        Require.text(providerId, "providerId");
        Require.present(readyAt, "readyAt");
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    @Override
    public String key() {
        return address.toString();
    }
}
