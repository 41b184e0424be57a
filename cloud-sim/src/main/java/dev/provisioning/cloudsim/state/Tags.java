package dev.provisioning.cloudsim.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable, order-keeping tag maps for the AWS records. */
final class Tags {

    private Tags() {
    }

    static Map<String, String> copy(Map<String, String> tags) {
        return tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    static Map<String, String> merged(Map<String, String> before, Map<String, String> added) {
        Map<String, String> merged = new LinkedHashMap<>(before);
        merged.putAll(added);
        return Collections.unmodifiableMap(merged);
    }

    static Map<String, String> without(Map<String, String> before, Iterable<String> keys) {
        Map<String, String> remaining = new LinkedHashMap<>(before);
        keys.forEach(remaining::remove);
        return Collections.unmodifiableMap(remaining);
    }
}
