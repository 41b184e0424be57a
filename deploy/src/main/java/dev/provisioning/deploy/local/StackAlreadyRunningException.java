package dev.provisioning.deploy.local;

/** Thrown when a local stack (or something else) already holds the stack's pid files or ports. */
public class StackAlreadyRunningException extends IllegalStateException {

    public StackAlreadyRunningException(String message) {
        super(message);
    }
}
