package dev.provisioning.cloudsim.state;

import java.util.List;

/** A state change the store refused; the API layer turns it into the provider's error format. */
public final class StoreRejection extends RuntimeException {

    /** Why the change was refused. */
    public enum Reason {
        NO_SUCH_ZONE, NO_SUCH_CHANGE, CALLER_REFERENCE_IN_USE, INVALID_CHANGE_BATCH, ZONE_NOT_EMPTY
    }

    private final Reason reason;
    private final List<String> problems;

    public StoreRejection(Reason reason, List<String> problems) {
        super(reason + ": " + String.join("; ", problems));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public StoreRejection(Reason reason, String problem) {
        this(reason, List.of(problem));
    }

    public Reason reason() {
        return reason;
    }

    /** Every problem found, for a batch all of them rather than just the first. */
    public List<String> problems() {
        return problems;
    }
}
