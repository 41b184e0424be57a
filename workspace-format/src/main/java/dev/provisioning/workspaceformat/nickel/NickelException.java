package dev.provisioning.workspaceformat.nickel;

/** A Nickel program that cannot be read or evaluated, with the position the problem was found at. */
public class NickelException extends RuntimeException {

    private final SourcePosition position;
    private final String problem;

    public NickelException(SourcePosition position, String problem) {
        super(position == null ? problem : position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    /** A construct this evaluator does not implement; the message points the operator to the real `nickel`. */
    public static NickelException outsideSubset(SourcePosition position, String construct) {
        return new NickelException(position, construct + " is outside the Nickel subset the built-in evaluator"
                + " understands; install `nickel` (https://nickel-lang.org) and it evaluates this workspace instead");
    }

    public SourcePosition position() {
        return position;
    }

    /** The message without the position prefix. */
    public String problem() {
        return problem;
    }
}
