package dev.provisioning.deploy.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends records to the test broker and reads topics from the beginning, as an outside observer would. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /**
     * Sends to partition 0 whatever the key: the test then knows that once a later record has been consumed, every
     * earlier one has been too.
     */
    public static void send(ProducerRecord<String, String> record) {
        ProducerRecord<String, String> ordered = new ProducerRecord<>(record.topic(), 0, record.key(), record.value(),
                record.headers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(ordered).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /** The first record of {@code topic} matching {@code wanted}, reading from the beginning until {@code timeout}. */
    public static Optional<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> wanted,
                                                          Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Every record of {@code topic} matching {@code wanted} that arrives within {@code window}. */
    public static List<ConsumerRecord<String, String>> collect(String topic, Predicate<ConsumerRecord<String, String>> wanted,
                                                        Duration window) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await(topic, record -> {
            if (wanted.test(record)) {
                found.add(record);
            }
            return false;
        }, window);
        return found;
    }
}
