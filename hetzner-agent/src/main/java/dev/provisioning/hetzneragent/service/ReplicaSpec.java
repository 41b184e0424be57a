package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.util.Optional;

/**
 * The spec of a {@code database-replica} command, checked before any call: {@code primary} (required, an address of
 * any kind, only carried along), {@code host} (a server address of the replica's own workspace and region),
 * {@code backup_volume} (a volume address of the same region), {@code server_type} and {@code image} (for a
 * dedicated server), {@code engine} ({@code pg} only), {@code version}, {@code max_lag_seconds} and
 * {@code network}.
 *
 * @param serverType the dedicated server's type: the spec's, else {@link #DEFAULT_SERVER_TYPE}
 */
record ReplicaSpec(ResourceAddress primary, Optional<ResourceAddress> host, Optional<ResourceAddress> backupVolume,
                   String serverType) {

    static final String DEFAULT_SERVER_TYPE = "cpx22";
    static final String ENGINE = "pg";

    static ReplicaSpec of(DesiredResource desired) {
        ResourceAddress primary = primary(desired);
        Optional<ResourceAddress> host = sameRegion(desired, "host", "server");
        Optional<ResourceAddress> backupVolume = sameRegion(desired, "backup_volume", "volume");
        String engine = desired.optionalText("engine").orElse(ENGINE);
        if (!engine.equals(ENGINE)) {
            throw ProviderException.invalidSpec("spec.engine of " + desired.address() + " must be '" + ENGINE
                    + "' (PostgreSQL), was '" + engine + "'");
        }
        desired.optionalText("version");
        maxLagSeconds(desired);
        String serverType = desired.optionalText("server_type").orElse(DEFAULT_SERVER_TYPE);
        HetznerServers.validate(desired);
        return new ReplicaSpec(primary, host, backupVolume, serverType);
    }

    /** Whether the replica runs on a server of the region rather than on one of its own. */
    boolean hosted() {
        return host.isPresent();
    }

    private static ResourceAddress primary(DesiredResource desired) {
        String text = desired.requiredText("primary");
        try {
            return ResourceAddress.parse(text);
        } catch (RuntimeException e) {
            throw ProviderException.invalidSpec("spec.primary of " + desired.address() + " must be the primary's "
                    + "address (<workspace>/<region>/<kind>/<name>), was '" + text + "'");
        }
    }

    private static Optional<ResourceAddress> sameRegion(DesiredResource desired, String key, String kind) {
        Optional<ResourceAddress> reference = HetznerLabels.reference(desired.spec().get(key), key, kind);
        reference.ifPresent(address -> {
            ResourceAddress replica = desired.address();
            if (!address.workspace().equals(replica.workspace()) || !address.region().equals(replica.region())) {
                throw ProviderException.invalidSpec("spec." + key + " of " + replica + " must be a " + kind
                        + " of workspace " + replica.workspace() + ", region " + replica.region() + ", was "
                        + address);
            }
        });
        return reference;
    }

    private static void maxLagSeconds(DesiredResource desired) {
        Optional<String> text = desired.optionalText("max_lag_seconds");
        if (text.isEmpty()) {
            return;
        }
        try {
            double seconds = Double.parseDouble(text.get());
            if (!Double.isFinite(seconds) || seconds < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw ProviderException.invalidSpec("spec.max_lag_seconds of " + desired.address()
                    + " must be a number of seconds (0 or more), was '" + text.get() + "'");
        }
    }
}
