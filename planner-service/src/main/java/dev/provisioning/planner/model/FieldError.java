package dev.provisioning.planner.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One problem with a declared workspace: where it is, what was given, what is wrong and what would be accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, Object value, String message, List<String> allowed) {

    public static FieldError of(String field, Object value, String message) {
        return new FieldError(field, value, message, null);
    }
}
