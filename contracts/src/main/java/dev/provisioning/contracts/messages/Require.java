package dev.provisioning.contracts.messages;

import java.util.Objects;

/** Field checks shared by the message records, so a malformed message fails when it is decoded, not later. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> "field '" + field + "' is required");
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is required and must not be blank");
        }
        return value;
    }
}
