package dev.provisioning.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MalformedMessageException;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.BudgetExceeded;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourcePriced;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.contracts.messages.RolloutCompleted;
import dev.provisioning.contracts.tracing.TraceContextHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventCodecTest {

    static final ResourceAddress DROPLET = ResourceAddress.parse("slice/us-east/droplet/us-app-1");
    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    static Stream<ProvisioningMessage> everyType() {
        return Stream.of(
                new ProvisionResource("r-1", DROPLET, Provider.DIGITALOCEAN, "nyc3",
                        Map.of("size", "s-2vcpu-4gb", "tags", List.of("a", "b")), Map.of(ContextKeys.DNS_NAME, "us.api.example.com")),
                new DeleteResource("r-2", DROPLET, Provider.DIGITALOCEAN, "nyc3", Map.of()),
                new ResourceReady("r-1", DROPLET, Provider.DIGITALOCEAN, "nyc3", "1001",
                        Map.of("ipv4", "198.51.100.7"), "s-2vcpu-4gb", "digitalocean:size:s-2vcpu-4gb", Map.of("k", "v"), NOW),
                new ResourceFailed("r-1", DROPLET, Provider.DIGITALOCEAN, "unprocessable_entity", "bad size", false, 1, Map.of(), NOW),
                new ResourceDeleted("r-2", DROPLET, Provider.DIGITALOCEAN, "1001", Map.of(), NOW),
                new DnsRecordSynced("r-1", ResourceAddress.parse("slice/global/dns-record/us.api.example.com"), DROPLET,
                        "/hostedzone/Z1", "us.api.example.com.", "A", 60, List.of("198.51.100.7"), NOW),
                new ResourcePriced("r-1", DROPLET, Provider.DIGITALOCEAN, "digitalocean:size:s-2vcpu-4gb",
                        new BigDecimal("24.00"), NOW),
                new BudgetExceeded("slice", new BigDecimal("350.00"), new BigDecimal("361.00"), BudgetExceeded.ESTIMATE,
                        NOW),
                new RolloutCompleted("r-1", "slice", "SUCCEEDED", 2, NOW));
    }

    @Test
    void everyMessageTypeHasAnExample() {
        assertEquals(MessageType.values().length, everyType().map(MessageType::of).distinct().count());
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void roundTripsThroughTheKafkaBinaryBinding(ProvisioningMessage message) {
        ProducerRecord<String, String> produced = CloudEventCodec.encode("t", "/test", message);
        CloudEvent event = CloudEventCodec.decode(consumed(produced.key(), produced.value(), produced.headers()));

        assertEquals(message, event.data());
        assertEquals(message.key(), produced.key());
        assertEquals(MessageType.of(message), event.type());
        assertEquals("/test", event.source());
        assertEquals(message.subject(), event.subject());
        assertNotNull(event.id());
        assertNotNull(event.time());
        assertEquals("application/json", CloudEventCodec.optional(produced.headers(), "content-type"));
    }

    @Test
    void carriesTheTraceContextOfTheCurrentSpan() {
        SpanContext parent = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        Context context = Context.root().with(Span.wrap(parent));
        var headers = CloudEventCodec.headers("/test", everyType().findFirst().orElseThrow(), context);

        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                CloudEventCodec.optional(headers, TraceContextHeaders.TRACEPARENT));
        SpanContext extracted = Span.fromContext(TraceContextHeaders.extract(headers)).getSpanContext();
        assertEquals(parent.getTraceId(), extracted.getTraceId());
        assertEquals(parent.getTraceId(), Span.fromContext(TraceContextHeaders.fromTraceparent(
                TraceContextHeaders.traceparentOf(context))).getSpanContext().getTraceId());
    }

    @Test
    void rejectsARecordWithoutCloudEventsHeaders() {
        var e = assertThrows(MalformedMessageException.class,
                () -> CloudEventCodec.decode(consumed("k", "{}", new RecordHeaders())));
        assertTrue(e.getMessage().contains("ce_specversion"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownType() {
        var headers = CloudEventCodec.headers("/test", everyType().findFirst().orElseThrow(), Context.root());
        headers.remove("ce_type");
        headers.add("ce_type", "com.example.unknown".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(MalformedMessageException.class, () -> CloudEventCodec.decode(consumed("k", "{}", headers)));
        assertTrue(e.getMessage().contains("com.example.unknown"), e.getMessage());
    }

    @Test
    void rejectsDataThatDoesNotMatchTheType() {
        ProvisioningMessage message = everyType().findFirst().orElseThrow();
        var headers = CloudEventCodec.headers("/test", message, Context.root());
        assertThrows(MalformedMessageException.class, () -> CloudEventCodec.decode(consumed("k", "not json", headers)));
        var missingField = assertThrows(MalformedMessageException.class,
                () -> CloudEventCodec.decode(consumed("k", "{\"rolloutId\":\"r\"}", headers)));
        assertTrue(missingField.getMessage().contains("address"), missingField.getMessage());
        var badAddress = assertThrows(MalformedMessageException.class, () -> CloudEventCodec.decode(consumed("k",
                "{\"rolloutId\":\"r\",\"address\":\"a/b\",\"provider\":\"digitalocean\",\"providerRegion\":\"nyc3\"}", headers)));
        assertTrue(badAddress.getMessage().contains("a/b"), badAddress.getMessage());
    }

    @Test
    void addressesParseAndRejectBadSegments() {
        assertEquals(DROPLET, ResourceAddress.parse(DROPLET.toString()));
        assertThrows(IllegalArgumentException.class, () -> ResourceAddress.parse("Slice/us/droplet/x"));
        assertThrows(IllegalArgumentException.class, () -> ResourceAddress.parse("a/b/c"));
        assertEquals(List.of("provisioning.commands.digitalocean", "provisioning.commands.hetzner",
                "provisioning.commands.aws", "provisioning.events", "provisioning.dead-letter"), Topics.all());
        assertTrue(Arrays.stream(Provider.values()).allMatch(p -> Provider.fromId(p.id()) == p));
    }

    private static ConsumerRecord<String, String> consumed(String key, String value, org.apache.kafka.common.header.Headers headers) {
        return new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                headers, java.util.Optional.empty());
    }
}
