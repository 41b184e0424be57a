package dev.provisioning.costservice.service;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resource kinds that have no charge of their own when their ready event names no price key: they are stored as
 * included at $0.00 rather than unpriced.
 */
final class NoChargeKinds {

    private static final String NETWORK = "private networks have no charge of their own at DigitalOcean, Hetzner"
            + " and AWS";
    private static final Map<String, String> REASONS = Map.of(
            "database-replica", "runs on a server of the workspace, which is priced itself; no charge of its own",
            "vpc", NETWORK,
            "network", NETWORK,
            "vswitch", NETWORK,
            "subnet", NETWORK);

    private NoChargeKinds() {
    }

    /** Why a resource of this kind without a price key costs nothing of its own; empty when it should have a key. */
    static Optional<String> reason(String kind) {
        return Optional.ofNullable(kind == null ? null : REASONS.get(kind.toLowerCase(Locale.ROOT)));
    }
}
