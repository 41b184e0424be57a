package dev.provisioning.workspaceformat;

import java.util.List;

/** A workspace that cannot be read: every problem found, each starting with its file and line/column or path. */
public class WorkspaceFormatException extends RuntimeException {

    private final List<String> problems;

    public WorkspaceFormatException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public WorkspaceFormatException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
