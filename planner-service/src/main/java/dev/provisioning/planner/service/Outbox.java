package dev.provisioning.planner.service;

import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.tracing.TraceContextHeaders;
import dev.provisioning.planner.OutboxMessage;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;

/** Writes messages into the transactional outbox, and wakes the relay once the transaction has committed. */
@ApplicationScoped
public class Outbox {

    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Must run inside the transaction that makes the change the message announces. */
    public void enqueue(String topic, ProvisioningMessage message) {
        OutboxMessage row = new OutboxMessage();
        row.id = UUID.randomUUID().toString();
        row.topic = topic;
        row.messageKey = message.key();
        row.ceType = MessageType.of(message).ceType();
        row.payload = CloudEventCodec.data(message);
        row.traceparent = TraceContextHeaders.traceparentOf(Context.current());
        row.createdAt = Instant.now();
        row.persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
