package dev.provisioning.planner.model;

/** A request that contradicts the current state, such as a second apply while a rollout runs. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
