package dev.provisioning.awsagent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.KafkaProbe;
import dev.provisioning.agent.testing.SecretScan;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.MessageType;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The AWS secret key and access key id appear in no log line and no event, for successes and failures alike. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class CredentialsNeverLeakTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "provisioning.aws.secret-access-key")
    String secretKey;

    @ConfigProperty(name = "provisioning.aws.access-key-id")
    String accessKeyId;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Test
    void credentialsAreInNoLogOrEvent() throws Exception {
        assertTrue(secretKey.length() > 20, "the test profile sets a recognisable secret");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ResourceAddress ok = new ResourceAddress("secrets", "asia", "ec2-instance", "ok-" + suffix);
        ResourceAddress bad = new ResourceAddress("secrets", "asia", "ec2-instance", "bad-" + suffix);
        String topic = Topics.commands(Provider.AWS);
        try (KafkaProbe kafka = new KafkaProbe(KafkaTestResource.bootstrapServers())) {
            kafka.sendCommand(topic, new ProvisionResource("r", ok, Provider.AWS, "ap-southeast-1",
                    Map.of("instance_type", "t3.micro"), Map.of()));
            kafka.sendCommand(topic, new ProvisionResource("r", bad, Provider.AWS, "ap-southeast-1",
                    Map.of("instance_type", "t3.micro", "image_id", "ami-0000000000000000f"), Map.of()));
            List<ConsumerRecord<String, String>> events = List.of(
                    kafka.awaitEventRecords(ok.toString(), MessageType.RESOURCE_READY, 1, TIMEOUT).get(0),
                    kafka.awaitEventRecords(bad.toString(), MessageType.RESOURCE_FAILED, 1, TIMEOUT).get(0));
            SecretScan.assertAbsentFromRecords(events, secretKey, accessKeyId);
        }
        SecretScan.assertAbsentFromLog(Path.of(logFile), List.of(ok.toString()), secretKey, accessKeyId);
    }
}
