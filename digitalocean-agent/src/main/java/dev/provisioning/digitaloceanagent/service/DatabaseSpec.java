package dev.provisioning.digitaloceanagent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;

/**
 * The spec of a {@code database} command, checked before any provider call. Keys other than the ones read here
 * (e.g. {@code max_lag_seconds}, which db-replication-service reads from the command's context) are ignored. Sizes,
 * versions and node counts are left for DigitalOcean to judge, so its own message names what it does not offer.
 *
 * @param engine   engine slug, {@code pg} unless the spec says otherwise
 * @param version  major version, {@code 16} unless the spec says otherwise
 * @param size     node size slug, e.g. {@code db-s-2vcpu-4gb}
 * @param numNodes primary plus standby nodes, 1 unless the spec says otherwise
 * @param vpc      VPC address, or null for the region's default VPC
 */
record DatabaseSpec(String engine, String version, String size, int numNodes, ResourceAddress vpc) {

    static final String DEFAULT_ENGINE = "pg";
    static final String DEFAULT_VERSION = "16";
    /** The only role a DigitalOcean cluster takes here; replicas of it are not provisioned by this agent. */
    static final String PRIMARY = "primary";

    static DatabaseSpec of(DesiredResource desired) {
        desired.optionalText("role").ifPresent(role -> {
            if (!role.equals(PRIMARY)) {
                throw ProviderException.invalidSpec("spec.role: '" + role + "' is not a role a DigitalOcean "
                        + "database cluster can take here; only '" + PRIMARY + "' is supported");
            }
        });
        String engine = desired.optionalText("engine").orElse(DEFAULT_ENGINE);
        String version = desired.optionalText("version").map(DatabaseSpec::wholeNumberText).orElse(DEFAULT_VERSION);
        String size = desired.requiredText("size");
        int numNodes = desired.optionalText("num_nodes").map(DatabaseSpec::numNodes).orElse(1);
        ResourceAddress vpc = desired.optionalText("vpc").map(text -> References.parse("vpc", text, "vpc"))
                .orElse(null);
        return new DatabaseSpec(engine, version, size, numNodes, vpc);
    }

    private static int numNodes(String text) {
        try {
            double number = Double.parseDouble(text);
            if (number != Math.rint(number) || number < 1 || number > Integer.MAX_VALUE) {
                throw new NumberFormatException(text);
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw ProviderException.invalidSpec("spec.num_nodes must be a whole number of nodes (1 or more), was '"
                    + text + "'");
        }
    }

    /** A version given as a number may arrive as {@code 16.0}; DigitalOcean names it {@code 16}. */
    private static String wholeNumberText(String text) {
        return text.matches("\\d+\\.0+") ? text.substring(0, text.indexOf('.')) : text;
    }
}
