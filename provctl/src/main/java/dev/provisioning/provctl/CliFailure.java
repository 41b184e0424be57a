package dev.provisioning.provctl;

/** Ends a command with a message and an exit code: 1 for failures, 2 for usage and validation errors. */
public class CliFailure extends RuntimeException {

    public static final int FAILURE = 1;
    public static final int INVALID = 2;

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
