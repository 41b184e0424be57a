package dev.provisioning.agent.config;

import dev.provisioning.agent.command.CommandHandler;
import dev.provisioning.agent.reconcile.ReadinessPolicy;
import dev.provisioning.agent.reconcile.Reconciler;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.RetryPolicy;
import dev.provisioning.agent.retry.RetryingCaller;
import dev.provisioning.agent.retry.Sleeper;
import dev.provisioning.contracts.Provider;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Builds the framework-free reconciler and command handler from {@link AgentConfig} and every
 * {@link ResourceKindReconciler} bean the agent defines: adding a resource kind means adding one such bean.
 */
@Singleton
public class AgentBeans {

    @Produces
    @Singleton
    RetryingCaller retryingCaller(AgentConfig config) {
        AgentConfig.Retry retry = config.retry();
        return new RetryingCaller(new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(),
                retry.multiplier(), retry.maxRetryAfter()), Sleeper.THREAD);
    }

    @Produces
    @Singleton
    Reconciler reconciler(AgentConfig config, Instance<ResourceKindReconciler<?>> kinds, RetryingCaller retrying) {
        AgentConfig.Readiness readiness = config.readiness();
        List<ResourceKindReconciler<?>> all = kinds.stream().toList();
        return new Reconciler(provider(config).id(), all, retrying,
                new ReadinessPolicy(readiness.timeout(), readiness.initialPollInterval(), readiness.maxPollInterval(),
                        readiness.multiplier()),
                Sleeper.THREAD, Clock.systemUTC());
    }

    @Produces
    @Singleton
    CommandHandler commandHandler(AgentConfig config, Reconciler reconciler) {
        return new CommandHandler(provider(config), reconciler, Clock.systemUTC());
    }

    private static Provider provider(AgentConfig config) {
        return Provider.fromId(config.provider());
    }
}
