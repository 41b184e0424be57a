package dev.provisioning.agent.testing;

import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to an agent the way other services do: plain Kafka clients sending commands encoded by the contracts module
 * and reading what comes back on the events and dead-letter topics.
 */
public final class KafkaProbe implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props);
    }

    /** Sends a command as a CloudEvent (with the current trace context) and waits for the broker's ack. */
    public void sendCommand(String topic, ProvisioningMessage command) {
        send(CloudEventCodec.encode(topic, "/test", command));
    }

    /** Sends any record, e.g. one without CloudEvents headers, and waits for the broker's ack. */
    public void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /** The first event of a type about a key on {@code provisioning.events}, decoded. */
    public CloudEvent awaitEvent(String key, MessageType type, Duration timeout) {
        return CloudEventCodec.decode(awaitRecords(Topics.EVENTS, isEvent(key, type), 1, timeout).get(0));
    }

    /** The first {@code count} events of a type about a key, as raw records (headers included). */
    public List<ConsumerRecord<String, String>> awaitEventRecords(String key, MessageType type, int count,
                                                                   Duration timeout) {
        return awaitRecords(Topics.EVENTS, isEvent(key, type), count, timeout);
    }

    /** Every record of a topic read within {@code window} that matches, from the beginning of the topic. */
    public List<ConsumerRecord<String, String>> recordsWithin(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                              Duration window) {
        return read(topic, match, Integer.MAX_VALUE, window);
    }

    /**
     * The first {@code count} records of a topic matching, reading from the beginning.
     *
     * @throws AssertionError when fewer arrive within the timeout
     */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                             int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = read(topic, match, count, timeout);
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + ", found " + found.size());
        }
        return found;
    }

    private List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                      int count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (match.test(record) && found.size() < count) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** The last value of a header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Predicate<ConsumerRecord<String, String>> isEvent(String key, MessageType type) {
        return record -> key.equals(record.key()) && type.ceType().equals(header(record, "ce_type"));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
