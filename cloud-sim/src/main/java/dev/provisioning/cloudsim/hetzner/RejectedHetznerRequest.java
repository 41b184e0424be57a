package dev.provisioning.cloudsim.hetzner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request the emulated Hetzner API refuses, answered as {@code {"error":{"code","message","details"}}}. */
final class RejectedHetznerRequest extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, List<String>> fields;

    RejectedHetznerRequest(int status, String code, String message, Map<String, List<String>> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = fields == null ? null : new LinkedHashMap<>(fields);
    }

    /** 400 {@code invalid_input} naming the field, as Hetzner reports validation errors. */
    static RejectedHetznerRequest invalidInput(String field, String problem) {
        return new RejectedHetznerRequest(400, "invalid_input", "invalid input in field '" + field + "'",
                Map.of(field, List.of(problem)));
    }

    static RejectedHetznerRequest notFound(String what) {
        return new RejectedHetznerRequest(404, "not_found", what + " not found", null);
    }

    static RejectedHetznerRequest uniqueness(String field, String message) {
        return new RejectedHetznerRequest(409, "uniqueness_error", message, Map.of(field, List.of("is already used")));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Messages per field for {@code details.fields}, or null when the error has no details. */
    Map<String, List<String>> fields() {
        return fields;
    }
}
