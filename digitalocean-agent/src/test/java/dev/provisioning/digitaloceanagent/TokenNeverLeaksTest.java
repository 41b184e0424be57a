package dev.provisioning.digitaloceanagent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.KafkaProbe;
import dev.provisioning.agent.testing.SecretScan;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The DigitalOcean token appears in no log line, event or span, even with the SDK's and HTTP client's loggers asked
 * for DEBUG (the test profile does, and those loggers print request headers at DEBUG).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class TokenNeverLeaksTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "provisioning.digitalocean.token")
    String token;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theTokenIsInNoLogEventOrSpan() throws Exception {
        assertTrue(token.length() > 20, "the test profile sets a recognisable token");
        ResourceAddress ok = new ResourceAddress("secrets", "us-east", "droplet", "ok-" + suffix());
        ResourceAddress bad = new ResourceAddress("secrets", "us-east", "droplet", "bad-" + suffix());
        String topic = Topics.commands(Provider.DIGITALOCEAN);
        try (KafkaProbe kafka = new KafkaProbe(KafkaTestResource.bootstrapServers())) {
            kafka.sendCommand(topic, new ProvisionResource("r", ok, Provider.DIGITALOCEAN, "nyc3",
                    Map.of("size", "s-1vcpu-1gb"), Map.of()));
            kafka.sendCommand(topic, new ProvisionResource("r", bad, Provider.DIGITALOCEAN, "nyc3",
                    Map.of("size", "no-such-size"), Map.of()));
            kafka.sendCommand(topic, new DeleteResource("r", ok, Provider.DIGITALOCEAN, "nyc3", Map.of()));
            kafka.awaitEvent(ok.toString(), MessageType.RESOURCE_DELETED, TIMEOUT);
            kafka.awaitEvent(bad.toString(), MessageType.RESOURCE_FAILED, TIMEOUT);

            SecretScan.assertAbsentFromRecords(kafka.recordsWithin(Topics.EVENTS, r -> true, Duration.ofSeconds(2)), token);
        }

        SecretScan.assertAbsentFromLog(Path.of(logFile), List.of("DigitalOcean API at host=", "address=" + bad), token);

        spans.getFinishedSpanItems().forEach(span -> {
            assertFalse(span.getName().contains(token));
            assertFalse(span.getAttributes().toString().contains(token), span.getName());
            span.getEvents().forEach(e -> assertFalse(e.getAttributes().toString().contains(token)));
        });
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
