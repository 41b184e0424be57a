package dev.provisioning.planner.model;

/** Something in an accepted workspace worth changing, such as a deprecated server type: where, what and why. */
public record FieldWarning(String field, Object value, String message) {
}
