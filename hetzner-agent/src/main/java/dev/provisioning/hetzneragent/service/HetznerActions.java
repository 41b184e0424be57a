package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.config.AgentConfig;
import dev.provisioning.agent.reconcile.ReadinessPolicy;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.agent.retry.Sleeper;
import dev.provisioning.hetzneragent.client.HetznerCloud;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import me.tomsdevsn.hetznercloud.objects.general.Action;

/**
 * Waits for a Hetzner action (attach, detach…) to finish, polling {@code GET /actions/{id}} at the agent's readiness
 * intervals for at most its readiness timeout. A failed action is a retryable failure with Hetzner's error code: the
 * calls that start actions are idempotent, so the whole step can simply run again.
 */
@ApplicationScoped
public class HetznerActions {

    private final HetznerCloud api;
    private final ReadinessPolicy policy;
    private final Sleeper sleeper;

    public HetznerActions(HetznerCloud api, AgentConfig config) {
        this.api = api;
        this.policy = new ReadinessPolicy(config.readiness().timeout(), config.readiness().initialPollInterval(),
                config.readiness().maxPollInterval(), config.readiness().multiplier());
        this.sleeper = Sleeper.THREAD;
    }

    /**
     * Returns once the action has succeeded.
     *
     * @param what the operation, for error messages, e.g. {@code attach volume 7 to server 9}
     * @throws ProviderException the action's error when it failed, {@code timeout} when it ran too long
     */
    public void await(Action started, String what) {
        Action action = started;
        Instant deadline = Instant.now().plus(policy.timeout());
        for (int poll = 1; isRunning(action); poll++) {
            Duration remaining = Duration.between(Instant.now(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw ProviderException.timeout(what + " (action " + action.getId() + ") was still running after "
                        + policy.timeout());
            }
            Duration wait = policy.pollInterval(poll);
            try {
                sleeper.sleep(wait.compareTo(remaining) < 0 ? wait : remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderException.of("interrupted", "interrupted while waiting for " + what, true);
            }
            action = api.action(action.getId());
        }
        if ("error".equals(action.getStatus())) {
            Action.Error error = action.getError();
            String code = error != null && error.getCode() != null ? error.getCode() : "action_failed";
            String message = error != null && error.getMessage() != null ? error.getMessage() : "action failed";
            throw ProviderException.of(code, what + " failed (action " + action.getId() + "): " + message, true);
        }
    }

    private static boolean isRunning(Action action) {
        return action.getStatus() == null || "running".equals(action.getStatus());
    }
}
