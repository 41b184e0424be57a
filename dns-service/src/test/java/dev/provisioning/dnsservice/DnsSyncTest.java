package dev.provisioning.dnsservice;

import dev.provisioning.deploy.testing.KafkaTopics;
import static dev.provisioning.dnsservice.ResourceEvents.awaitSynced;
import static dev.provisioning.dnsservice.ResourceEvents.awaitSyncedRecord;
import static dev.provisioning.dnsservice.ResourceEvents.dnsContext;
import static dev.provisioning.dnsservice.ResourceEvents.droplet;
import static dev.provisioning.dnsservice.ResourceEvents.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.contracts.tracing.TraceContextHeaders;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "dnsservice"))
@WithTestResource(CloudSimTestResource.class)
class DnsSyncTest {

    @Test
    void aReadyDropletGetsItsRecordInRoute53AndTheSyncIsPublishedInTheSameTrace() {
        ResourceReady ready = droplet("slice/us-east/droplet/us-app-1", "198.51.100.7",
                dnsContext("us.api.example.com", "api.example.com", "60"));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parentSpanId = "00f067aa0ba902b7";
        ProducerRecord<String, String> record;
        Context incoming = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(traceId, parentSpanId,
                TraceFlags.getSampled(), TraceState.getDefault())));
        try (Scope ignored = incoming.makeCurrent()) {
            record = ResourceEvents.encode(ready);
        }
        KafkaTopics.send(record);

        String recordAddress = "slice/global/dns-record/us.api.example.com";
        ConsumerRecord<String, String> published = awaitSyncedRecord(recordAddress, 1);
        DnsRecordSynced synced = CloudEventCodec.decode(published).dataAs(DnsRecordSynced.class);
        assertEquals(ResourceAddress.parse(recordAddress), synced.address());
        assertEquals(ready.address(), synced.target());
        assertEquals("us.api.example.com", synced.recordName());
        assertEquals("A", synced.recordType());
        assertEquals(60, synced.ttl());
        assertEquals(List.of("198.51.100.7"), synced.values());
        assertEquals(ready.rolloutId(), synced.rolloutId());
        assertEquals("/dns-service", CloudEventCodec.optional(published.headers(), "ce_source"));

        String traceparent = CloudEventCodec.optional(published.headers(), TraceContextHeaders.TRACEPARENT);
        SpanContext outgoing = Span.fromContext(TraceContextHeaders.fromTraceparent(traceparent)).getSpanContext();
        assertEquals(traceId, outgoing.getTraceId(), "DnsRecordSynced continues the trace of the ResourceReady");
        assertNotEquals(parentSpanId, outgoing.getSpanId(), "dns-service published from a span of its own");

        ResourceRecordSet set = SimRoute53.recordSet("api.example.com", "us.api.example.com", "A").orElseThrow();
        assertEquals(60L, set.ttl());
        assertEquals(List.of("198.51.100.7"), set.resourceRecords().stream().map(ResourceRecord::value).toList());
        assertEquals(1, SimRoute53.zonesNamed("api.example.com").size());
        assertEquals(SimRoute53.zonesNamed("api.example.com").get(0).id(), "/hostedzone/" + synced.zoneId(),
                "the event carries the bare zone id");

        // A redelivery: the very same record, headers and all.
        KafkaTopics.send(record);
        awaitSynced(recordAddress, 2);
        assertEquals(1, SimRoute53.zonesNamed("api.example.com").size(), "a redelivery creates no second zone");

        given().when().get("/api/v1/dns/{workspace}", "slice")
                .then().statusCode(200)
                .body("workspace", equalTo("slice"))
                .body("zones", hasSize(1))
                .body("zones[0].name", equalTo("api.example.com"))
                .body("zones[0].zoneId", equalTo(synced.zoneId()))
                .body("records", hasSize(1))
                .body("records[0].name", equalTo("us.api.example.com"))
                .body("records[0].type", equalTo("A"))
                .body("records[0].ttl", equalTo(60))
                .body("records[0].values", contains("198.51.100.7"))
                .body("records[0].target", equalTo("slice/us-east/droplet/us-app-1"))
                .body("records[0].rolloutId", equalTo(ready.rolloutId()));
    }

    @Test
    void theTtlDefaultsTo60AndTheRecordFollowsTheResourceItPointsAt() {
        String workspace = unique("ttl");
        String zone = workspace + ".example.net";
        String name = "eu." + zone;
        ResourceReady first = droplet(workspace + "/eu-central/droplet/eu-app-1", "203.0.113.10",
                Map.of("dns.name", name, "dns.zone", zone));
        publish(first);
        DnsRecordSynced synced = awaitSynced(workspace + "/global/dns-record/" + name, 1);
        assertEquals(60, synced.ttl());

        // The name moves to a replacement server; the deletion of the old one must then leave it alone.
        ResourceReady second = droplet(workspace + "/eu-central/droplet/eu-app-2", "203.0.113.11",
                Map.of("dns.name", name, "dns.zone", zone, "dns.ttl", "300"));
        publish(second);
        awaitSynced(workspace + "/global/dns-record/" + name, 2);
        publish(ResourceEvents.deleted(first));
        // The marker: a later record on the same partition; once it is synced the deletion has been handled.
        String marker = "marker." + zone;
        publish(droplet(workspace + "/eu-central/droplet/marker", "203.0.113.99", Map.of("dns.name", marker,
                "dns.zone", zone)));
        awaitSynced(workspace + "/global/dns-record/" + marker, 1);

        ResourceRecordSet set = SimRoute53.recordSet(zone, name, "A").orElseThrow();
        assertEquals(300L, set.ttl());
        assertEquals(List.of("203.0.113.11"), set.resourceRecords().stream().map(ResourceRecord::value).toList());

        // Deleting the server the name points at removes the record and says so with no values.
        publish(ResourceEvents.deleted(second));
        DnsRecordSynced removed = awaitSynced(workspace + "/global/dns-record/" + name, 3);
        assertTrue(removed.values().isEmpty());
        assertEquals(second.address(), removed.target());
        assertTrue(SimRoute53.recordSet(zone, name, "A").isEmpty());
        given().when().get("/api/v1/dns/{workspace}", workspace)
                .then().statusCode(200)
                .body("records.name", contains(marker));
    }

    @Test
    void aReadyWithoutDnsContextChangesNothing() {
        String workspace = unique("nodns");
        publish(droplet(workspace + "/us-east/droplet/worker", "192.0.2.55", Map.of()));
        String zone = unique("marker") + ".example.org";
        publish(droplet(unique("other") + "/us-east/droplet/web", "192.0.2.56",
                dnsContext("www." + zone, zone, "60")));
        // The marker was published after it on the same partition: once the marker is in Route53, the droplet
        // without DNS context has been consumed.
        awaitUntil(() -> SimRoute53.recordSet(zone, "www." + zone, "A").isPresent());

        assertFalse(SimRoute53.allValues().contains("192.0.2.55"), "no record points at the droplet");
        assertTrue(KafkaTopics.collect(Topics.EVENTS, r -> r.key() != null && r.key().startsWith(workspace + "/global/"),
                Duration.ofSeconds(2)).isEmpty(), "nothing was published about it");
        given().when().get("/api/v1/dns/{workspace}", workspace)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String workspace = unique("dlq");
        String garbageKey = workspace + "/us-east/droplet/garbage";
        KafkaTopics.send(new ProducerRecord<>(Topics.EVENTS, garbageKey, "{\"this\": \"is not a CloudEvent\"}"));
        ResourceReady outsideItsZone = droplet(workspace + "/us-east/droplet/stray", "192.0.2.60",
                dnsContext("www.elsewhere.example", "api.example.com", "60"));
        publish(outsideItsZone);
        String zone = workspace + ".example.org";
        publish(droplet(workspace + "/us-east/droplet/fine", "192.0.2.61", dnsContext("ok." + zone, zone, "60")));

        awaitSynced(workspace + "/global/dns-record/ok." + zone, 1);
        ConsumerRecord<String, String> garbage = KafkaTopics.await(Topics.DEAD_LETTER, r -> garbageKey.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow();
        assertEquals("{\"this\": \"is not a CloudEvent\"}", garbage.value());
        ConsumerRecord<String, String> stray = KafkaTopics.await(Topics.DEAD_LETTER,
                r -> outsideItsZone.address().toString().equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        assertTrue(CloudEventCodec.optional(stray.headers(), "dead-letter-reason").contains("is not inside dns.zone"),
                "the dead letter says why: " + CloudEventCodec.optional(stray.headers(), "dead-letter-reason"));
        assertFalse(SimRoute53.allValues().contains("192.0.2.60"));
        ConsumerRecord<String, String> failed = KafkaTopics.await(Topics.EVENTS,
                r -> (workspace + "/global/dns-record/www.elsewhere.example").equals(r.key())
                        && "dev.provisioning.resource.failed".equals(CloudEventCodec.optional(r.headers(), "ce_type")),
                Duration.ofSeconds(30)).orElseThrow();
        assertTrue(failed.value().contains("invalid_dns_context"), failed.value());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void awaitUntil(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
