package dev.provisioning.planner.model;

import java.util.List;

/** A workspace that cannot be accepted, with every problem found in it. */
public class InvalidWorkspaceException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidWorkspaceException(List<FieldError> errors) {
        super(errors.size() + " problem(s) in the workspace: " + errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
