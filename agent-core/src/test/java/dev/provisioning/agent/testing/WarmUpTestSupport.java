package dev.provisioning.agent.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.warmup.WarmUpRunner;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * What the agents' warm-up tests share: an endpoint nothing listens on, and the checks of a warm-up's outcome (done,
 * saying what it warmed; or stopped, in one line that names none of the provider's secrets).
 */
public final class WarmUpTestSupport {

    private WarmUpTestSupport() {
    }

    /** A local port nothing listens on: connecting is refused at once. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The warm-up succeeded, and its line says how long it took and then matches {@code whatWasWarmed}. */
    public static void assertWarmed(WarmUpRunner.Outcome outcome, String whatWasWarmed) {
        assertTrue(outcome.warmed(), outcome.line());
        assertTrue(outcome.line().matches("Provider warm-up done in \\d+ ms: " + whatWasWarmed), outcome.line());
    }

    /** The warm-up stopped, with one line that contains {@code reason} and none of {@code secrets}. */
    public static void assertStoppedInOneLine(WarmUpRunner.Outcome outcome, String reason, String... secrets) {
        assertFalse(outcome.warmed(), outcome.line());
        assertTrue(outcome.line().contains(reason), outcome.line());
        assertFalse(outcome.line().contains("\n"), outcome.line());
        for (String secret : secrets) {
            assertFalse(outcome.line().contains(secret), outcome.line());
        }
    }
}
