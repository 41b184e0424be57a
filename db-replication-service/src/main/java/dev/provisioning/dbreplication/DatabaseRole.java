package dev.provisioning.dbreplication;

import java.util.Arrays;
import java.util.Optional;

/** The part a database server plays in a workspace's topology, named after the resource kind that declares it. */
public enum DatabaseRole {
    PRIMARY("database-primary"),
    REPLICA("database-replica");

    private final String kind;

    DatabaseRole(String kind) {
        this.kind = kind;
    }

    /** The resource address kind, e.g. {@code database-primary}. */
    public String kind() {
        return kind;
    }

    /** The role of a resource kind; empty for every kind that is not a database server. */
    public static Optional<DatabaseRole> ofKind(String kind) {
        return Arrays.stream(values()).filter(r -> r.kind.equals(kind)).findFirst();
    }
}
