package dev.provisioning.costservice.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks provider tokens and AWS keys in every log record before a handler writes it. Apache HttpClient's header log
 * ({@code org.apache.http.headers} at DEBUG) prints the SDK's {@code Authorization: Bearer} header, and the SDK logs
 * its requests and responses at DEBUG: raising a log level must not leak the token.
 */
@LoggingFilter(name = "secret-redaction")
public final class SecretRedactionFilter implements Filter {

    static final String MASK = "[REDACTED]";
    /** Shorter values are too likely to be ordinary words; real tokens are far longer. */
    private static final int MIN_SECRET_LENGTH = 6;

    private final List<String> secrets;

    public SecretRedactionFilter(@ConfigProperty(name = "provisioning.digitalocean.token") String digitalOceanToken,
                                 @ConfigProperty(name = "provisioning.hetzner.token") String hetznerToken,
                                 @ConfigProperty(name = "provisioning.aws.access-key-id") String awsAccessKeyId,
                                 @ConfigProperty(name = "provisioning.aws.secret-access-key") String awsSecretKey) {
        this.secrets = Stream.of(digitalOceanToken, hetznerToken, awsAccessKeyId, awsSecretKey)
                .filter(secret -> secret != null && secret.length() >= MIN_SECRET_LENGTH)
                // Longest first, so a secret containing another is masked whole.
                .sorted(Comparator.comparingInt(String::length).reversed())
                .distinct()
                .toList();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (secrets.isEmpty()) {
            return true;
        }
        String message = formatted(record);
        if (message != null && containsSecret(message)) {
            String masked = mask(message);
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(masked);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && thrownMentionsSecret(thrown)) {
            // Exception messages cannot be rewritten; keep the type so the failure is still visible.
            record.setThrown(new RedactedThrowable(thrown.getClass().getName()));
        }
        return true;
    }

    private boolean thrownMentionsSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && containsSecret(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private boolean containsSecret(String text) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static String formatted(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return new java.util.logging.SimpleFormatter().formatMessage(record);
    }

    /** Stands in for an exception whose message carried a secret. */
    private static final class RedactedThrowable extends RuntimeException {

        RedactedThrowable(String type) {
            super(type + " (message withheld: it contained a secret)", null, false, false);
        }
    }
}
