package dev.provisioning.hetzneragent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.KafkaProbe;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The Hetzner token appears in no log line or event, with the agent's and OkHttp's loggers at DEBUG. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class TokenNeverLeaksTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "provisioning.hetzner.token")
    String token;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Test
    void theTokenIsInNoLogLineOrEvent() throws Exception {
        assertTrue(token.length() > 20, "the test profile sets a recognisable token");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ResourceAddress ok = new ResourceAddress("secrets", "eu-central", "server", "ok-" + suffix);
        ResourceAddress bad = new ResourceAddress("secrets", "eu-central", "server", "bad-" + suffix);
        String topic = Topics.commands(Provider.HETZNER);
        try (KafkaProbe kafka = new KafkaProbe(KafkaTestResource.bootstrapServers())) {
            kafka.sendCommand(topic, new ProvisionResource("r", ok, Provider.HETZNER, "nbg1",
                    Map.of("server_type", "cx22"), Map.of()));
            kafka.sendCommand(topic, new ProvisionResource("r", bad, Provider.HETZNER, "nbg1",
                    Map.of("server_type", "no-such-type"), Map.of()));
            kafka.sendCommand(topic, new DeleteResource("r", ok, Provider.HETZNER, "nbg1", Map.of()));
            kafka.awaitEvent(ok.toString(), MessageType.RESOURCE_DELETED, TIMEOUT);
            kafka.awaitEvent(bad.toString(), MessageType.RESOURCE_FAILED, TIMEOUT);

            List<ConsumerRecord<String, String>> events =
                    kafka.recordsWithin(Topics.EVENTS, r -> true, Duration.ofSeconds(2));
            assertFalse(events.isEmpty());
            for (ConsumerRecord<String, String> event : events) {
                assertFalse(event.value().contains(token), "event value of " + event.key());
                for (Header header : event.headers()) {
                    assertFalse(new String(header.value(), StandardCharsets.UTF_8).contains(token),
                            "header " + header.key() + " of " + event.key());
                }
            }
        }

        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        assertTrue(log.contains("Hetzner Cloud API at endpoint="), "the log file holds the agent's output");
        assertTrue(log.contains("address=" + bad), "the log file holds this test's commands");
        assertFalse(log.contains(token), "the token was logged");
    }
}
