package dev.provisioning.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** The stable identity of one declared resource: {@code <workspace>/<region>/<kind>/<name>}, used as the Kafka key. */
public record ResourceAddress(String workspace, String region, String kind, String name) {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?");

    public ResourceAddress {
        check("workspace", workspace);
        check("region", region);
        check("kind", kind);
        check("name", name);
    }

    private static void check(String part, String value) {
        Objects.requireNonNull(value, () -> "resource address " + part + " is missing");
        if (!SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException("resource address " + part + " '" + value
                    + "' is invalid: use lowercase letters, digits, '.', '_' or '-' (1-128 characters, alphanumeric at both ends)");
        }
    }

    /** Parses {@code workspace/region/kind/name}. */
    @JsonCreator
    public static ResourceAddress parse(String text) {
        Objects.requireNonNull(text, "resource address is missing");
        String[] parts = text.split("/", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("resource address '" + text + "' must have the form <workspace>/<region>/<kind>/<name>");
        }
        return new ResourceAddress(parts[0], parts[1], parts[2], parts[3]);
    }

    /** Whether a text is a well-formed segment of an address (a workspace, region, kind or name). */
    public static boolean isValidSegment(String value) {
        return value != null && SEGMENT.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String toString() {
        return workspace + "/" + region + "/" + kind + "/" + name;
    }
}
