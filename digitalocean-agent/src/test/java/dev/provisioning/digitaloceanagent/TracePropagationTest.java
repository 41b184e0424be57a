package dev.provisioning.digitaloceanagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.KafkaProbe;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A command's trace continues through the agent into the event it publishes: one rollout, one trace. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class TracePropagationTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theEventsTraceparentIsAChildOfTheCommandsTrace() throws Exception {
        String traceId = randomHex(16);
        String commandSpanId = randomHex(8);
        SpanContext commandSpan = SpanContext.createFromRemoteParent(traceId, commandSpanId, TraceFlags.getSampled(),
                TraceState.getDefault());
        ResourceAddress address = new ResourceAddress("traced", "eu-central", "droplet",
                "api-" + UUID.randomUUID().toString().substring(0, 8));

        ConsumerRecord<String, String> ready;
        try (KafkaProbe kafka = new KafkaProbe(KafkaTestResource.bootstrapServers())) {
            try (Scope ignored = Context.root().with(Span.wrap(commandSpan)).makeCurrent()) {
                kafka.sendCommand(Topics.commands(Provider.DIGITALOCEAN), new ProvisionResource("rollout-traced",
                        address, Provider.DIGITALOCEAN, "fra1", Map.of("size", "s-1vcpu-1gb"), Map.of()));
            }
            ready = kafka.awaitEventRecords(address.toString(), MessageType.RESOURCE_READY, 1, TIMEOUT).get(0);
        }

        String[] traceparent = KafkaProbe.header(ready, "traceparent").split("-");
        assertEquals(traceId, traceparent[1], "the event is in the command's trace");
        assertNotEquals(commandSpanId, traceparent[2], "the event's parent is the agent's span, not the command's");
        assertEquals("01", traceparent[3]);

        SpanData consumer = awaitSpan(traceId, "provisioning.commands.digitalocean process");
        assertEquals(SpanKind.CONSUMER, consumer.getKind());
        assertEquals(commandSpanId, consumer.getParentSpanId());
        assertEquals(consumer.getSpanId(), traceparent[2]);
        List<SpanData> children = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getParentSpanId().equals(consumer.getSpanId())).toList();
        assertTrue(children.stream().anyMatch(s -> s.getName().equals("create droplet")), children.toString());
    }

    private SpanData awaitSpan(String traceId, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId) && s.getName().equals(name)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span '" + name + "' in trace " + traceId + "; spans: "
                + spans.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
