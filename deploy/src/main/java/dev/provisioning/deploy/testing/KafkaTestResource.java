package dev.provisioning.deploy.testing;

import dev.provisioning.deploy.kafka.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one real Kafka broker per test JVM (in-process, KRaft, free port) and points
 * {@code kafka.bootstrap.servers} at it; every Quarkus test application and profile in the JVM
 * shares it.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    /** Kept running: the next Quarkus application in this JVM reuses it; a shutdown hook stops it. */
    @Override
    public void stop() {
    }

    /** The shared broker's {@code host:port}, starting it on first use. */
    public static String bootstrapServers() {
        return OnePerJvm.call(KafkaTestResource.class, "startedBootstrapServers", null,
                KafkaTestResource::startedBootstrapServers);
    }

    private static synchronized String startedBootstrapServers() {
        if (broker == null) {
            Path dataDir = TemporaryDirectories.create("provisioning-kafka-");
            KafkaBroker started = KafkaBroker.startInProcess(dataDir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                TemporaryDirectories.delete(dataDir);
            }, "kafka-test-broker-shutdown"));
            broker = started;
        }
        return broker.bootstrapServers();
    }
}
