package dev.provisioning.agent.warmup;

import dev.provisioning.agent.retry.ProviderException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Runs a {@link ProviderWarmUp} once and says, in one line, what it warmed or why it could not. */
public final class WarmUpRunner {

    /** The longest failure description put into the log line. */
    static final int MAX_REASON_LENGTH = 300;

    /**
     * The result of a warm-up.
     *
     * @param warmed   whether every read succeeded
     * @param millis   how long it took
     * @param line     the log line: what was warmed, or why it stopped (one line, no stack trace, no secret)
     */
    public record Outcome(boolean warmed, long millis, String line) {
    }

    private WarmUpRunner() {
    }

    /** Runs {@code warmUp}; never throws, whatever the provider does. */
    public static Outcome run(ProviderWarmUp warmUp, LongSupplier nanoTime) {
        long start = nanoTime.getAsLong();
        try {
            String what = warmUp.warmUp();
            long millis = millisSince(start, nanoTime);
            return new Outcome(true, millis, "Provider warm-up done in " + millis + " ms: " + what);
        } catch (Exception | LinkageError e) {
            long millis = millisSince(start, nanoTime);
            return new Outcome(false, millis, "Provider warm-up stopped after " + millis
                    + " ms, the first command will load the SDK instead: " + reason(e, secretsOf(warmUp)));
        }
    }

    private static List<String> secretsOf(ProviderWarmUp warmUp) {
        try {
            return warmUp.secrets();
        } catch (RuntimeException e) {
            // A bean that could not even be created; its failure names no secret of its own.
            return List.of();
        }
    }

    /** The failure in one line: the provider's error code or the exception's type, and its message, redacted. */
    static String reason(Throwable e, List<String> secrets) {
        String kind = e instanceof ProviderException provider ? provider.errorCode() : e.getClass().getSimpleName();
        String text = e.getMessage() == null ? kind : kind + ": " + e.getMessage();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, "[redacted]");
            }
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static long millisSince(long start, LongSupplier nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start);
    }
}
