package dev.provisioning.agent.messaging;

import dev.provisioning.agent.config.AgentConfig;
import dev.provisioning.contracts.kafka.CloudEventMessages;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes outcome events on the {@code events} channel ({@code provisioning.events}) as CloudEvents carrying the
 * current trace context, and waits for the broker's acknowledgement, so a command is only committed once its
 * outcome is stored.
 */
@ApplicationScoped
public class EventPublisher {

    private final Emitter<String> emitter;
    private final AgentConfig config;

    @Inject
    public EventPublisher(@Channel("events") Emitter<String> emitter, AgentConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * Sends the event and blocks until the broker acknowledges it.
     *
     * @throws dev.provisioning.contracts.kafka.EventNotPublishedException when the broker refuses it or does not
     *         answer within the publish timeout
     */
    public void publish(ProvisioningMessage event) {
        CloudEventMessages.publishAndAwait(emitter, config.eventSource(), event, config.publishTimeout());
    }
}
