package dev.provisioning.agent.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Checks that provider secrets appear in no event (value or header) and no log line of an agent. */
public final class SecretScan {

    private SecretScan() {
    }

    /** Fails when any secret appears in a record's value or in one of its headers. */
    public static void assertAbsentFromRecords(List<ConsumerRecord<String, String>> records, String... secrets) {
        assertFalse(records.isEmpty(), "there are events to scan");
        for (ConsumerRecord<String, String> record : records) {
            for (String secret : secrets) {
                assertFalse(record.value().contains(secret), "a secret in the event value of " + record.key());
                for (Header header : record.headers()) {
                    assertFalse(new String(header.value(), StandardCharsets.UTF_8).contains(secret),
                            "a secret in header " + header.key() + " of " + record.key());
                }
            }
        }
    }

    /**
     * Fails when any secret appears in the log file; each of {@code expected} must appear in it, so that an empty
     * or wrong file cannot pass.
     */
    public static void assertAbsentFromLog(Path logFile, List<String> expected, String... secrets) throws IOException {
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        for (String line : expected) {
            assertTrue(log.contains(line), "the log file holds the agent's output: " + line);
        }
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a secret was logged");
        }
    }
}
