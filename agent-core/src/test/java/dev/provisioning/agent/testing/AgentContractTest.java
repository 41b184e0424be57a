package dev.provisioning.agent.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ResourceFailed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every agent must do, whatever resource kinds it handles: report ready and serve the standard endpoints,
 * answer a kind it does not handle with {@code ResourceFailed unsupported_kind}, and park a record that is not a
 * valid command on the dead-letter topic while carrying on with the next one, and warm its provider client in the
 * background right after start (or not at all, where its test profile switches the warm-up off). Each agent's suite extends this
 * with {@code @QuarkusTest} and the deploy module's Kafka test resource.
 */
public abstract class AgentContractTest extends AgentKafkaTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The provider the agent under test serves. */
    protected abstract Provider provider();

    /** The kinds it handles, as its unsupported-kind message lists them, e.g. {@code "none yet"}. */
    protected abstract String supportedKinds();

    /** A provider region valid for the agent's provider. */
    protected abstract String providerRegion();

    protected String commandTopic() {
        return Topics.commands(provider());
    }

    /** A fresh address, so that tests sharing one broker never read each other's events. */
    protected static ResourceAddress uniqueAddress(String kind) {
        return new ResourceAddress("contract", "us-east", kind, "r-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void readinessIsUpAndStandardEndpointsAnswer() {
        // Readiness includes the Kafka channels: the agent is only ready once it reaches the broker.
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }

    @Test
    void aKindTheAgentDoesNotHandleIsReportedAsUnsupported() {
        ResourceAddress address = uniqueAddress("no-such-kind");
        Map<String, String> context = Map.of("dns.name", "x.example.com");
        kafka.sendCommand(commandTopic(), new ProvisionResource("rollout-unsupported", address, provider(),
                providerRegion(), Map.of("size", "small"), context));

        CloudEvent event = kafka.awaitEvent(address.toString(), MessageType.RESOURCE_FAILED, TIMEOUT);
        ResourceFailed failed = event.dataAs(ResourceFailed.class);

        assertEquals("unsupported_kind", failed.errorCode());
        assertEquals("the " + provider().id() + " agent does not handle kind 'no-such-kind'; supported kinds: "
                + supportedKinds(), failed.message());
        assertFalse(failed.retryable());
        assertEquals("rollout-unsupported", failed.rolloutId());
        assertEquals(context, failed.context());
        assertEquals("/" + provider().id() + "-agent", event.source());
    }

    @Test
    void recordsThatAreNotCommandsAreDeadLetteredAndTheNextCommandIsHandled() {
        String noHeadersKey = "garbage-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(commandTopic(), noHeadersKey, "{not json at all"));

        String unknownTypeKey = "unknown-type-" + UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "dev.provisioning.command.reboot-everything".getBytes(StandardCharsets.UTF_8));
        kafka.send(new ProducerRecord<>(commandTopic(), null, unknownTypeKey, "{}", headers));

        ResourceAddress next = uniqueAddress("no-such-kind");
        kafka.sendCommand(commandTopic(), new ProvisionResource("rollout-after-garbage", next, provider(),
                providerRegion(), Map.of(), Map.of()));

        List<ConsumerRecord<String, String>> parked = kafka.awaitRecords(Topics.DEAD_LETTER,
                r -> noHeadersKey.equals(r.key()) || unknownTypeKey.equals(r.key()), 2, TIMEOUT);
        assertEquals(2, parked.size());
        kafka.awaitEvent(next.toString(), MessageType.RESOURCE_FAILED, TIMEOUT);
    }

    /**
     * With the warm-up on, the warm-up thread writes one INFO line saying it is done; with it off
     * ({@code provisioning.agent.warm-up.enabled=false} in the agent's test profile), it writes none.
     */
    @Test
    void theProviderClientIsWarmedInTheBackgroundRightAfterStartUnlessSwitchedOff() throws Exception {
        Config config = ConfigProvider.getConfig();
        boolean enabled = config.getOptionalValue("provisioning.agent.warm-up.enabled", Boolean.class).orElse(true);
        Path log = Path.of(config.getValue("quarkus.log.file.path", String.class));
        // This JVM's line (the log line carries the process id), written by the warm-up thread.
        String pid = "[" + ProcessHandle.current().pid() + "]";
        Duration wait = enabled ? TIMEOUT : Duration.ofSeconds(2);
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> warmUpLines = List.of();
        while (System.nanoTime() < deadline) {
            warmUpLines = linesOf(log).stream().filter(line -> line.contains(pid)
                    && line.contains("(provider-warm-up)") && line.contains("Provider warm-up ")).toList();
            if (!warmUpLines.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        if (!enabled) {
            assertTrue(warmUpLines.isEmpty(), "warm-up ran although switched off: " + warmUpLines);
            return;
        }
        assertFalse(warmUpLines.isEmpty(), "no warm-up line of this JVM in " + log);
        for (String line : warmUpLines) {
            assertTrue(line.contains(" INFO ") && line.contains("Provider warm-up done in "), line);
        }
    }

    private static List<String> linesOf(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }
}
