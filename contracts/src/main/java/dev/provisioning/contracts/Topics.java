package dev.provisioning.contracts;

import java.util.ArrayList;
import java.util.List;

/** Kafka topic names shared by every service. */
public final class Topics {

    /** Every event about resources, DNS, costs and rollouts. */
    public static final String EVENTS = "provisioning.events";
    /** Messages no consumer could handle (malformed, unknown type): kept for inspection, never blocking a partition. */
    public static final String DEAD_LETTER = "provisioning.dead-letter";
    private static final String COMMANDS_PREFIX = "provisioning.commands.";

    private Topics() {
    }

    /** The command topic of one provider's agent, e.g. {@code provisioning.commands.digitalocean}. */
    public static String commands(Provider provider) {
        return COMMANDS_PREFIX + provider.id();
    }

    /** Every topic the system uses, for creating them up front. */
    public static List<String> all() {
        List<String> topics = new ArrayList<>();
        for (Provider p : Provider.values()) {
            topics.add(commands(p));
        }
        topics.add(EVENTS);
        topics.add(DEAD_LETTER);
        return topics;
    }
}
