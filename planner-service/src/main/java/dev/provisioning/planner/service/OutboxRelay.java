package dev.provisioning.planner.service;

import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.JsonMapping;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.tracing.TraceContextHeaders;
import dev.provisioning.planner.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

/**
 * Publishes outbox messages to Kafka in the order they were written, marking each published only after the broker
 * acknowledged it. Runs right after each commit and on a schedule, so messages left behind by a crash go out too;
 * a message published twice keeps its CloudEvents id, so consumers can recognise the repeat.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String SOURCE = "/planner-service";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final KafkaProducer<String, String> producer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();

    public OutboxRelay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "planner-service-outbox");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Asks for a relay pass soon, without blocking the caller; repeated calls coalesce. */
    public void wakeUp() {
        if (wakeUpQueued.compareAndSet(false, true)) {
            worker.submit(() -> {
                wakeUpQueued.set(false);
                publishPending();
            });
        }
    }

    @Scheduled(every = "${provisioning.planner.outbox-poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wakeUp();
    }

    /** Publishes everything unpublished, batch by batch; returns how many messages went out. */
    public int publishPending() {
        int total = 0;
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                total += published;
            } while (published == BATCH);
        } catch (RuntimeException e) {
            // Left unpublished: the next pass retries. Logged without payloads, which may hold spec values.
            LOG.warnf("outbox relay pass stopped: %s", e.getMessage());
        }
        return total;
    }

    private int publishBatch() throws Exception {
        List<OutboxMessage> pending = OutboxMessage.<OutboxMessage>find("publishedAt is null order by createdAt, id")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .page(0, BATCH).list();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (OutboxMessage row : pending) {
            row.attempts++;
            acks.add(producer.send(toRecord(row)));
        }
        producer.flush();
        Instant now = Instant.now();
        for (int i = 0; i < pending.size(); i++) {
            acks.get(i).get(30, TimeUnit.SECONDS);
            pending.get(i).publishedAt = now;
        }
        return pending.size();
    }

    private static ProducerRecord<String, String> toRecord(OutboxMessage row) throws Exception {
        MessageType type = MessageType.ofCeType(row.ceType)
                .orElseThrow(() -> new IllegalStateException("outbox row " + row.id + " has unknown type " + row.ceType));
        ProvisioningMessage message = JsonMapping.mapper().readValue(row.payload, type.javaType());
        var headers = CloudEventCodec.headers(row.id, SOURCE, message, row.createdAt.atOffset(ZoneOffset.UTC),
                TraceContextHeaders.fromTraceparent(row.traceparent));
        return new ProducerRecord<>(row.topic, null, row.messageKey, row.payload, headers);
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
