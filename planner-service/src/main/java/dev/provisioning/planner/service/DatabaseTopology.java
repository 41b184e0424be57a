package dev.provisioning.planner.service;

import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.planner.model.FieldError;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.RegionDefinition;
import dev.provisioning.planner.model.WorkspaceDefinition.ResourceDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database resources of a workspace and how they relate: each is a {@code primary} or a {@code replica}, and a
 * replica names its primary as {@code "<region>/<name>"} (or just {@code "<name>"} in its own region), possibly at
 * another provider. The planner turns that name into the primary's address, orders the replica after it, and tells
 * every service through the command's context ({@link ContextKeys#DB_ROLE}, {@link ContextKeys#DB_PRIMARY}).
 */
public final class DatabaseTopology {

    /** Kinds that are databases, with the role they have when the spec names none. */
    private static final Map<String, String> DEFAULT_ROLE = Map.of(
            "database", "primary",
            "rds-instance", "primary",
            "database-replica", "replica");
    /** Roles each kind can take: a DigitalOcean cluster is always a primary, a Hetzner-hosted replica a replica. */
    private static final Map<String, List<String>> ROLES = Map.of(
            "database", List.of("primary"),
            "rds-instance", List.of("primary", "replica"),
            "database-replica", List.of("replica"));
    static final String PRIMARY_KEY = "primary";

    private DatabaseTopology() {
    }

    public static boolean isDatabase(String kind) {
        return DEFAULT_ROLE.containsKey(kind);
    }

    /** The resource's role, or empty when it is not a database. */
    public static Optional<String> role(ResourceDefinition resource) {
        if (!isDatabase(resource.kind())) {
            return Optional.empty();
        }
        Object role = resource.spec().get("role");
        return Optional.of(role instanceof String text && !text.isBlank() ? text : DEFAULT_ROLE.get(resource.kind()));
    }

    /** Every problem with roles and primaries in the workspace: unknown roles, missing or wrong primaries. */
    public static List<FieldError> check(WorkspaceDefinition workspace) {
        List<FieldError> errors = new ArrayList<>();
        workspace.regions().forEach((regionName, region) -> {
            for (ResourceDefinition resource : region.resources()) {
                Optional<String> role = role(resource);
                if (role.isEmpty()) {
                    continue;
                }
                String at = resource.declaredAt();
                List<String> allowed = ROLES.get(resource.kind());
                if (!allowed.contains(role.get())) {
                    errors.add(new FieldError(at + ".role", role.get(),
                            "not a role a " + resource.kind() + " can take", allowed));
                    continue;
                }
                Object primary = resource.spec().get(PRIMARY_KEY);
                if ("primary".equals(role.get())) {
                    if (primary != null) {
                        errors.add(FieldError.of(at + "." + PRIMARY_KEY, String.valueOf(primary),
                                "a primary follows no other database; remove it or set role = \"replica\""));
                    }
                } else if (primary == null) {
                    errors.add(new FieldError(at + "." + PRIMARY_KEY, null,
                            "required for a replica: the primary as \"<region>/<name>\"", primaries(workspace)));
                } else if (resolve(workspace, regionName, primary).isEmpty()) {
                    errors.add(new FieldError(at + "." + PRIMARY_KEY, String.valueOf(primary),
                            "names no primary database of this workspace", primaries(workspace)));
                }
            }
        });
        return errors;
    }

    /** The primary's address a replica in {@code regionName} names, if it names a primary database. */
    public static Optional<ResourceAddress> resolve(WorkspaceDefinition workspace, String regionName, Object primary) {
        if (!(primary instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        String targetRegion = slash < 0 ? regionName : text.substring(0, slash);
        String targetName = slash < 0 ? text : text.substring(slash + 1);
        RegionDefinition region = workspace.regions().get(targetRegion);
        if (region == null) {
            return Optional.empty();
        }
        return region.resources().stream()
                .filter(r -> r.name().equals(targetName) && role(r).filter("primary"::equals).isPresent())
                .findFirst()
                .map(r -> new ResourceAddress(workspace.name(), targetRegion, r.kind(), r.name()));
    }

    /** What a database command carries in its context, so events about it say its role and primary. */
    public static Map<String, String> context(WorkspaceDefinition workspace, String regionName,
                                              ResourceDefinition resource) {
        Map<String, String> context = new HashMap<>();
        role(resource).ifPresent(role -> {
            context.put(ContextKeys.DB_ROLE, role);
            Object engine = resource.spec().get("engine");
            if (engine != null) {
                context.put(ContextKeys.DB_ENGINE, String.valueOf(engine));
            }
            if (resource.spec().get("max_lag_seconds") instanceof Number lag) {
                context.put(ContextKeys.DB_MAX_LAG_SECONDS, Long.toString(lag.longValue()));
            }
            resolve(workspace, regionName, resource.spec().get(PRIMARY_KEY))
                    .ifPresent(primary -> context.put(ContextKeys.DB_PRIMARY, primary.toString()));
        });
        return Map.copyOf(context);
    }

    /** The names a replica may give as its primary, for error messages. */
    private static List<String> primaries(WorkspaceDefinition workspace) {
        List<String> names = new ArrayList<>();
        workspace.regions().forEach((regionName, region) -> region.resources().stream()
                .filter(r -> role(r).filter("primary"::equals).isPresent())
                .forEach(r -> names.add(regionName + "/" + r.name())));
        return names;
    }

    /** Kinds that are databases. */
    public static Set<String> kinds() {
        return DEFAULT_ROLE.keySet();
    }
}
