package dev.provisioning.agent.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.retry.ProviderException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** A warm-up's outcome: what it warmed and how long it took, or one redacted line saying why it stopped. */
class WarmUpRunnerTest {

    static final String TOKEN = "dop_v1_secret0token";

    /** A clock that moves on by {@code stepMillis} at every reading. */
    static LongSupplier ticking(long stepMillis) {
        AtomicLong now = new AtomicLong();
        return () -> now.getAndAdd(stepMillis * 1_000_000);
    }

    @Test
    void aSuccessfulWarmUpSaysWhatWasWarmedAndHowLongItTook() {
        WarmUpRunner.Outcome outcome = WarmUpRunner.run(() -> "EC2, ELBv2, RDS in us-east-1", ticking(250));

        assertTrue(outcome.warmed());
        assertEquals(250, outcome.millis());
        assertEquals("Provider warm-up done in 250 ms: EC2, ELBv2, RDS in us-east-1", outcome.line());
    }

    @Test
    void anUnreachableProviderGivesOneLineWithTheErrorCodeAndNoSecret() {
        ProviderWarmUp unreachable = new ProviderWarmUp() {
            @Override
            public String warmUp() {
                throw ProviderException.fromIoFailure("list regions with " + TOKEN,
                        new ConnectException("Connection refused\n\tat somewhere"));
            }

            @Override
            public List<String> secrets() {
                return List.of(TOKEN);
            }
        };

        WarmUpRunner.Outcome outcome = WarmUpRunner.run(unreachable, ticking(5000));

        assertFalse(outcome.warmed());
        assertEquals(5000, outcome.millis());
        assertEquals("Provider warm-up stopped after 5000 ms, the first command will load the SDK instead: io_error: "
                + "list regions with [redacted] failed: ConnectException: Connection refused at somewhere",
                outcome.line());
    }

    @Test
    void anyOtherFailureIsCaughtNamedByItsTypeAndShortened() {
        WarmUpRunner.Outcome checked = WarmUpRunner.run(() -> {
            throw new IOException("x".repeat(1000));
        }, ticking(1));
        assertFalse(checked.warmed());
        assertTrue(checked.line().endsWith(": IOException: " + "x".repeat(
                WarmUpRunner.MAX_REASON_LENGTH - "IOException: ".length()) + "…"), checked.line());

        WarmUpRunner.Outcome linkage = WarmUpRunner.run(() -> {
            throw new NoClassDefFoundError("software/amazon/awssdk/Missing");
        }, ticking(1));
        assertTrue(linkage.line().endsWith(": NoClassDefFoundError: software/amazon/awssdk/Missing"), linkage.line());
    }

    @Test
    void aWarmUpWhoseSecretsCannotBeReadStillReportsItsFailure() {
        ProviderWarmUp broken = new ProviderWarmUp() {
            @Override
            public String warmUp() {
                throw new IllegalStateException("bean could not be created");
            }

            @Override
            public List<String> secrets() {
                throw new IllegalStateException("bean could not be created");
            }
        };

        WarmUpRunner.Outcome outcome = WarmUpRunner.run(broken, ticking(1));
        assertTrue(outcome.line().endsWith(": IllegalStateException: bean could not be created"), outcome.line());
    }
}
