package dev.provisioning.deploy.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the broker's own logging down to WARN: a broker start otherwise writes about 1,100 INFO
 * lines, which buries the output of the tests and services running beside it.
 */
final class KafkaLogLevels {

    static final List<String> BROKER_CATEGORIES = List.of(
            "kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper");

    /** Held strongly: java.util.logging keeps loggers weakly and would forget the level. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private KafkaLogLevels() {
    }

    static synchronized void quiet() {
        if (!QUIETED.isEmpty()) {
            return;
        }
        for (String category : BROKER_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
