package dev.provisioning.contracts.cloudevents;

import dev.provisioning.contracts.messages.ProvisioningMessage;
import java.time.OffsetDateTime;

/** A decoded CloudEvent: the context attributes from the {@code ce_*} headers and the typed data. */
public record CloudEvent(String id, String source, MessageType type, String subject, OffsetDateTime time,
                         String key, ProvisioningMessage data) {

    /** The data as the expected record type; a mismatch means the producer and consumer disagree on the contract. */
    public <T extends ProvisioningMessage> T dataAs(Class<T> expected) {
        if (!expected.isInstance(data)) {
            throw new MalformedMessageException("expected " + expected.getSimpleName() + " but the event is " + type.ceType());
        }
        return expected.cast(data);
    }
}
