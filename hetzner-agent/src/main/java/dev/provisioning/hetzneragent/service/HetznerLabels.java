package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The labels that tie a Hetzner object to its resource address. Label values allow only {@code [a-zA-Z0-9._-]}
 * (at most 63, starting and ending alphanumeric) and an address has {@code /}, so the address is written as a hash
 * ({@code prov-addr=<20 hex of its SHA-256>}, the label looked up before any create) plus readable
 * {@code workspace} and {@code region} labels for people browsing the project.
 */
public final class HetznerLabels {

    public static final String ADDRESS_LABEL = "prov-addr";
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-zA-Z0-9._-]");

    private HetznerLabels() {
    }

    /** The value of the {@code prov-addr} label of an address. */
    public static String addressHash(ResourceAddress address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The label selector finding the object of an address. */
    public static String selector(ResourceAddress address) {
        return ADDRESS_LABEL + "=" + addressHash(address);
    }

    /** Every label a new object gets. */
    public static Map<String, String> forAddress(ResourceAddress address) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ADDRESS_LABEL, addressHash(address));
        labels.put("workspace", readable(address.workspace()));
        labels.put("region", readable(address.region()));
        labels.put("kind", readable(address.kind()));
        return labels;
    }

    /** An address segment as a label value: other characters become '_', ends trimmed to letters or digits. */
    static String readable(String segment) {
        String value = NOT_ALLOWED.matcher(segment).replaceAll("_");
        if (value.length() > 63) {
            value = value.substring(0, 63);
        }
        return value.replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
    }

    /**
     * The address a spec key refers to, which must be of the expected kind.
     *
     * @throws ProviderException {@code invalid_spec} when the value is not such an address
     */
    static Optional<ResourceAddress> reference(Object value, String key, String expectedKind) {
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        ResourceAddress address;
        try {
            address = ResourceAddress.parse(value.toString().trim());
        } catch (RuntimeException e) {
            throw ProviderException.invalidSpec("spec." + key + " must be the address of a " + expectedKind
                    + " (<workspace>/<region>/" + expectedKind + "/<name>), was '" + value + "'");
        }
        if (!address.kind().equals(expectedKind)) {
            throw ProviderException.invalidSpec("spec." + key + " must be the address of a " + expectedKind
                    + ", was a " + address.kind() + ": " + address);
        }
        return Optional.of(address);
    }

    /** A referenced object that must already exist: the planner only sends a command once its references are ready. */
    static ProviderException missingReference(String key, ResourceAddress reference, ResourceAddress from) {
        return ProviderException.of("reference_not_found", "spec." + key + " of " + from + " refers to "
                + reference + ", which does not exist at Hetzner", false);
    }
}
