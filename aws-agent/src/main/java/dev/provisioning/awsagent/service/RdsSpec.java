package dev.provisioning.awsagent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The spec of an {@code rds-instance}, read and checked before any call: {@code engine} (only {@code postgres}),
 * {@code engine_version} (default {@code 16}), {@code instance_class} (default {@code db.t3.medium}),
 * {@code allocated_storage} in GiB (default 20), {@code role} ({@code primary}, or {@code replica} with
 * {@code primary}, the address of the database it follows) and {@code vpc} (address, optional).
 * {@code max_lag_seconds} is db-replication-service's business and ignored here.
 */
record RdsSpec(String engine, String engineVersion, String instanceClass, int allocatedStorage, Role role,
               Optional<ResourceAddress> primary, Optional<ResourceAddress> vpc) {

    /** Whether the instance is a primary or follows another database. */
    enum Role {
        PRIMARY, REPLICA;

        String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String ENGINE = "postgres";

    static RdsSpec of(DesiredResource desired) {
        String engine = desired.optionalText("engine").orElse(ENGINE);
        if (!engine.equals(ENGINE)) {
            throw ProviderException.invalidSpec("spec.engine of " + desired.address() + " must be " + ENGINE
                    + " (the only engine the aws agent provisions), was '" + engine + "'");
        }
        Optional<ResourceAddress> primary = desired.optionalText("primary").map(text -> address(desired, text));
        Role role = desired.optionalText("role").map(text -> role(desired, text))
                .orElse(primary.isPresent() ? Role.REPLICA : Role.PRIMARY);
        if (role == Role.REPLICA && primary.isEmpty()) {
            throw ProviderException.invalidSpec("spec.primary is required for " + desired.address()
                    + " with role replica: the address of the database it replicates");
        }
        if (role == Role.PRIMARY && primary.isPresent()) {
            throw ProviderException.invalidSpec("spec.primary of " + desired.address() + " is only for role replica, "
                    + "but the role is primary");
        }
        return new RdsSpec(engine, desired.optionalText("engine_version").orElse("16"),
                desired.optionalText("instance_class").orElse("db.t3.medium"), storage(desired), role, primary,
                References.optional(desired, "vpc", VpcReconciler.KIND));
    }

    private static Role role(DesiredResource desired, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "primary" -> Role.PRIMARY;
            case "replica" -> Role.REPLICA;
            default -> throw ProviderException.invalidSpec("spec.role of " + desired.address()
                    + " must be primary or replica, was '" + text + "'");
        };
    }

    private static int storage(DesiredResource desired) {
        String text = desired.optionalText("allocated_storage").orElse("20");
        try {
            int gigabytes = Integer.parseInt(text);
            if (gigabytes > 0) {
                return gigabytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProviderException.invalidSpec("spec.allocated_storage of " + desired.address()
                + " must be a whole number of GiB, was '" + text + "'");
    }

    private static ResourceAddress address(DesiredResource desired, String text) {
        try {
            return ResourceAddress.parse(text);
        } catch (RuntimeException e) {
            throw ProviderException.invalidSpec("spec.primary of " + desired.address() + " must be a resource address "
                    + "<workspace>/<region>/<kind>/<name>, was '" + text + "'");
        }
    }
}
