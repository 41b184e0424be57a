package dev.provisioning.agent.reconcile;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command asks for: the resource's address, the provider region it lives in and its provider-specific spec,
 * with typed readers that reject a bad spec before anything is sent to the provider.
 */
public record DesiredResource(ResourceAddress address, String providerRegion, Map<String, Object> spec) {

    public DesiredResource {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(providerRegion, "providerRegion");
        spec = spec == null ? Map.of() : Map.copyOf(spec);
    }

    /** A text value that must be present. */
    public String requiredText(String key) {
        return optionalText(key).orElseThrow(() -> ProviderException.invalidSpec(
                "spec." + key + " is required for " + address.kind() + " " + address));
    }

    /** A text value, empty when absent; numbers are accepted as their decimal text. */
    public Optional<String> optionalText(String key) {
        Object value = spec.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
        }
        if (value instanceof Number number) {
            return Optional.of(number.toString());
        }
        throw ProviderException.invalidSpec("spec." + key + " must be a string, was " + describe(value));
    }

    /** A list of texts (a single text counts as a one-element list); empty when absent. */
    public List<String> textList(String key) {
        Object value = spec.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String || value instanceof Number) {
            return List.of(value.toString());
        }
        if (value instanceof Collection<?> items) {
            List<String> texts = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof String) && !(item instanceof Number)) {
                    throw ProviderException.invalidSpec("spec." + key + " must be a list of strings, but holds "
                            + describe(item));
                }
                texts.add(item.toString());
            }
            return List.copyOf(texts);
        }
        throw ProviderException.invalidSpec("spec." + key + " must be a list of strings, was " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
