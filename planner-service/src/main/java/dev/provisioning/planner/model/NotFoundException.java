package dev.provisioning.planner.model;

/** A workspace or rollout that does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
