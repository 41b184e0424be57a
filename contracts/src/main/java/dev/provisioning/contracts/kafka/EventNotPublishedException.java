package dev.provisioning.contracts.kafka;

import dev.provisioning.contracts.messages.ProvisioningMessage;

/** The broker did not acknowledge an event; the record that caused it must not be committed as handled. */
public class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(ProvisioningMessage event, Throwable cause) {
        super(event.getClass().getSimpleName() + " for " + event.key() + " was not acknowledged by the broker", cause);
    }
}
