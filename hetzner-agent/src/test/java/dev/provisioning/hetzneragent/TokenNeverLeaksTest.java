package dev.provisioning.hetzneragent;

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
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

            SecretScan.assertAbsentFromRecords(kafka.recordsWithin(Topics.EVENTS, r -> true, Duration.ofSeconds(2)), token);
        }

        SecretScan.assertAbsentFromLog(Path.of(logFile), List.of("Hetzner Cloud API at endpoint=", "address=" + bad), token);
    }
}
