package dev.provisioning.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.deploy.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void producesAndConsumesThroughARealBroker() throws Exception {
        long started = System.nanoTime();
        int port;
        try (KafkaBroker broker = KafkaBroker.startInProcess(dataDir, 0)) {
            System.out.printf("broker started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            port = broker.port();
            assertEquals("127.0.0.1:" + port, broker.bootstrapServers());

            KafkaBroker.createTopics(broker.bootstrapServers(), List.of("deploy.test"), 2);
            // Creating it again is a no-op, not an error.
            KafkaBroker.createTopics(broker.bootstrapServers(), List.of("deploy.test"), 2);

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("deploy.test", "ws/eu/server/web-1", "ready")).get();
            }

            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "deploy-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("deploy.test"));
                List<ConsumerRecord<String, String>> received = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
                assertEquals(1, received.size());
                assertEquals("ws/eu/server/web-1", received.get(0).key());
                assertEquals("ready", received.get(0).value());
            }
            long stopping = System.nanoTime();
            broker.close();
            System.out.printf("broker stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
        }
        assertFalse(FreePorts.inUse(port), "the broker port is released after close");
        assertTrue(dataDir.resolve("log").toFile().isDirectory());
    }

    @Test
    void restartsOnItsOwnDataKeepingTopics() throws Exception {
        try (KafkaBroker first = KafkaBroker.startInProcess(dataDir, 0)) {
            KafkaBroker.createTopics(first.bootstrapServers(), List.of("deploy.kept"), 1);
        }
        try (KafkaBroker second = KafkaBroker.startInProcess(dataDir, 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers()))) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("deploy.kept"));
        }
    }
}
