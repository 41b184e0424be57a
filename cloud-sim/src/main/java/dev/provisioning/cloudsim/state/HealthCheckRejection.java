package dev.provisioning.cloudsim.state;

/** A health check operation the store refused; the API layer turns it into Route53's error format. */
public final class HealthCheckRejection extends RuntimeException {

    /** Why the operation was refused. */
    public enum Reason {
        NO_SUCH_HEALTH_CHECK, ALREADY_EXISTS, VERSION_MISMATCH
    }

    private final Reason reason;

    public HealthCheckRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
