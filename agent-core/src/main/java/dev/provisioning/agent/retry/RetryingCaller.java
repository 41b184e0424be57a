package dev.provisioning.agent.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Runs a provider call, retrying classified retryable failures as its {@link RetryPolicy} says. */
public final class RetryingCaller {

    private static final Logger LOG = Logger.getLogger(RetryingCaller.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryingCaller(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * The call's result; on giving up, the last failure with the number of attempts made.
     *
     * @param operation what the call does, for logs, e.g. {@code create droplet}
     */
    public <T> T call(String operation, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ProviderException failure) {
                Optional<Duration> delay = policy.delayAfter(attempt, failure);
                if (delay.isEmpty()) {
                    throw failure.afterAttempts(attempt);
                }
                LOG.infof("provider call failed, retrying operation=\"%s\" attempt=%d errorCode=%s httpStatus=%d delayMs=%d",
                        operation, attempt, failure.errorCode(), failure.httpStatus(), delay.get().toMillis());
                try {
                    sleeper.sleep(delay.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ProviderException.of("interrupted", operation + " was interrupted while waiting to retry "
                            + "after: " + failure.getMessage(), true).afterAttempts(attempt);
                }
            }
        }
    }

    public RetryPolicy policy() {
        return policy;
    }
}
