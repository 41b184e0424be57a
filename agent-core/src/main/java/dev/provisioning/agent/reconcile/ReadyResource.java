package dev.provisioning.agent.reconcile;

import java.util.Map;
import java.util.Objects;

/**
 * What the provider reports about a ready resource, as a {@code ResourceReady} event carries it.
 *
 * @param addresses network addresses by kind, e.g. {@code ipv4}, {@code ipv4_private}
 * @param size      the provider's size or type slug
 * @param priceKey  what cost-service prices it by, {@code <provider>:size:<slug>}
 */
public record ReadyResource(String providerId, Map<String, String> addresses, String size, String priceKey) {

    public ReadyResource {
        Objects.requireNonNull(providerId, "providerId");
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
    }
}
