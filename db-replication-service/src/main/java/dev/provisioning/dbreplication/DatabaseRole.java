package dev.provisioning.dbreplication;

import dev.provisioning.contracts.ContextKeys;
import java.util.Map;
import java.util.Optional;

/**
 * The part a database server plays in a workspace's topology. The planner says it in the command's context
 * ({@code db.role}), which every event about the resource echoes; without it, the kind decides: a DigitalOcean
 * {@code database} cluster or an {@code rds-instance} is a primary, a {@code database-replica} a replica.
 */
public enum DatabaseRole {
    PRIMARY,
    REPLICA;

    private static final Map<String, DatabaseRole> BY_KIND = Map.of(
            "database", PRIMARY,
            "rds-instance", PRIMARY,
            "database-replica", REPLICA);

    /** The role of a resource from its kind and its event's context; empty for every resource that is no database. */
    public static Optional<DatabaseRole> of(String kind, Map<String, String> context) {
        String declared = context == null ? null : context.get(ContextKeys.DB_ROLE);
        if ("primary".equals(declared)) {
            return Optional.of(PRIMARY);
        }
        if ("replica".equals(declared)) {
            return Optional.of(REPLICA);
        }
        return Optional.ofNullable(BY_KIND.get(kind));
    }
}
