package dev.provisioning.agent.command;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.Reconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.MalformedMessageException;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns one decoded command into the event that reports its outcome: {@code ResourceReady}, {@code ResourceDeleted}
 * or, for any provider or spec failure, {@code ResourceFailed}. Only a message that is not a command at all is
 * rejected (as malformed), so that it goes to the dead-letter topic.
 */
public final class CommandHandler {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);

    private final Provider provider;
    private final Reconciler reconciler;
    private final Clock clock;

    public CommandHandler(Provider provider, Reconciler reconciler, Clock clock) {
        this.provider = provider;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /**
     * The outcome event for a command.
     *
     * @throws MalformedMessageException when the event is not a command (e.g. an event published to a command topic)
     */
    public ProvisioningMessage handle(CloudEvent event) {
        ProvisioningMessage data = event.data();
        if (data instanceof ProvisionResource command) {
            return provision(command);
        }
        if (data instanceof DeleteResource command) {
            return delete(command);
        }
        throw new MalformedMessageException("event " + event.id() + " of type " + event.type().ceType()
                + " is not a command the " + provider.id() + " agent handles");
    }

    private ProvisioningMessage provision(ProvisionResource command) {
        LOG.infof("provision requested address=%s rolloutId=%s providerRegion=%s", command.address(),
                command.rolloutId(), command.providerRegion());
        try {
            requireOwnProvider(command.provider());
            ReadyResource ready = reconciler.provision(
                    new DesiredResource(command.address(), command.providerRegion(), command.spec()));
            LOG.infof("resource ready address=%s providerId=%s size=%s", command.address(), ready.providerId(),
                    ready.size());
            return new ResourceReady(command.rolloutId(), command.address(), command.provider(),
                    command.providerRegion(), ready.providerId(), ready.addresses(), ready.size(), ready.priceKey(),
                    command.context(), clock.instant());
        } catch (RuntimeException e) {
            return failed(command.rolloutId(), command.address(), command.context(), "provision", e);
        }
    }

    private ProvisioningMessage delete(DeleteResource command) {
        LOG.infof("delete requested address=%s rolloutId=%s providerRegion=%s", command.address(),
                command.rolloutId(), command.providerRegion());
        try {
            requireOwnProvider(command.provider());
            Optional<String> deleted = reconciler.delete(command.address(), command.providerRegion());
            return new ResourceDeleted(command.rolloutId(), command.address(), command.provider(),
                    deleted.orElse(null), command.context(), clock.instant());
        } catch (RuntimeException e) {
            return failed(command.rolloutId(), command.address(), command.context(), "delete", e);
        }
    }

    private void requireOwnProvider(Provider commanded) {
        if (commanded != provider) {
            throw ProviderException.of("wrong_provider", "command for provider '" + commanded.id()
                    + "' reached the " + provider.id() + " agent", false);
        }
    }

    private ResourceFailed failed(String rolloutId, ResourceAddress address, Map<String, String> context,
                                  String verb, RuntimeException e) {
        ResourceFailed failed;
        if (e instanceof ProviderException p) {
            failed = new ResourceFailed(rolloutId, address, provider, p.errorCode(), p.getMessage(), p.isRetryable(),
                    p.attempts(), context, clock.instant());
            LOG.warnf("%s failed address=%s errorCode=%s retryable=%s attempts=%d httpStatus=%d message=\"%s\"",
                    verb, address, p.errorCode(), p.isRetryable(), p.attempts(), p.httpStatus(), p.getMessage());
        } else {
            // A defect in the agent, not a provider answer: reported, so the rollout does not wait forever.
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            failed = new ResourceFailed(rolloutId, address, provider, "agent_error", message, false, 1, context,
                    clock.instant());
            LOG.errorf(e, "%s failed unexpectedly address=%s", verb, address);
        }
        return failed;
    }
}
