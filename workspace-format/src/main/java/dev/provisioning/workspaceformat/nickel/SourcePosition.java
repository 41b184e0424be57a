package dev.provisioning.workspaceformat.nickel;

/** A place in a Nickel source file, 1-based, as editors count lines and columns. */
public record SourcePosition(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
