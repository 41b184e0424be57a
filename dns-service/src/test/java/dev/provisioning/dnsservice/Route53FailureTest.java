package dev.provisioning.dnsservice;

import dev.provisioning.deploy.testing.KafkaTopics;
import static dev.provisioning.dnsservice.ResourceEvents.awaitSynced;
import static dev.provisioning.dnsservice.ResourceEvents.dnsContext;
import static dev.provisioning.dnsservice.ResourceEvents.droplet;
import static dev.provisioning.dnsservice.ResourceEvents.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "dnsservice"))
@WithTestResource(CloudSimTestResource.class)
class Route53FailureTest {

    /** The test profile's secret access key (application.properties): it must never leave the SDK. */
    private static final String SECRET = "dns-test-secret-7f3a9c41";
    private static final String ROUTE53 = "route53";

    @AfterEach
    void clearFaults() {
        CloudSimTestResource.sim().faults().clear();
    }

    @Test
    void throttlingAnd5xxAreRetriedWithoutASecondZone() {
        String workspace = unique("retry");
        String zone = workspace + ".example.com";
        // Both the zone creation and the change batch fail before they succeed.
        CloudSimTestResource.sim().faults().add(Fault.of(ROUTE53, "/2013-04-01/hostedzone", "POST", 503, 2));
        CloudSimTestResource.sim().faults().add(new Fault(ROUTE53, "/2013-04-01/hostedzone/", "POST", 400, 1, null,
                "Throttling", "Rate exceeded", 0));
        publish(droplet(workspace + "/us-east/droplet/app", "198.51.100.30", dnsContext("app." + zone, zone, "60")));

        DnsRecordSynced synced = awaitSynced(workspace + "/global/dns-record/app." + zone, 1);
        assertEquals(List.of("198.51.100.30"), synced.values());
        assertEquals(1, SimRoute53.zonesNamed(zone).size());
    }

    @Test
    void persistentFailuresAreReportedAndTheConsumerMovesOn() throws IOException {
        String workspace = unique("fail");
        String zone = workspace + ".example.com";
        publish(droplet(workspace + "/us-east/droplet/first", "198.51.100.40", dnsContext("first." + zone, zone, "60")));
        String zoneId = awaitSynced(workspace + "/global/dns-record/first." + zone, 1).zoneId();

        // A provider outage longer than the retry budget (5 attempts in the test profile too).
        CloudSimTestResource.sim().faults().add(Fault.of(ROUTE53, "/2013-04-01/hostedzone/" + zoneId + "/rrset",
                "POST", 503, 5));
        publish(droplet(workspace + "/us-east/droplet/second", "198.51.100.41",
                dnsContext("second." + zone, zone, "60")));
        ResourceFailed outage = awaitFailure(workspace + "/global/dns-record/second." + zone);
        assertEquals(Provider.AWS, outage.provider());
        assertEquals("ServiceUnavailable", outage.errorCode());
        assertTrue(outage.retryable());
        assertEquals(5, outage.attempts());
        assertEquals("second." + zone, outage.context().get("dns.name"));
        assertTrue(outage.message().startsWith("Route53 UPSERT failed"), outage.message());

        // A permanent rejection is not retried.
        CloudSimTestResource.sim().faults().add(new Fault(ROUTE53, "/2013-04-01/hostedzone/" + zoneId + "/rrset",
                "POST", 400, 1, null, "InvalidChangeBatch", "RRSet of type A with DNS name third is not permitted", 0));
        publish(droplet(workspace + "/us-east/droplet/third", "198.51.100.42", dnsContext("third." + zone, zone, "60")));
        ResourceFailed rejected = awaitFailure(workspace + "/global/dns-record/third." + zone);
        assertEquals("InvalidChangeBatch", rejected.errorCode());
        assertFalse(rejected.retryable());
        assertEquals(1, rejected.attempts());

        // The faults are used up: the consumer carries on with the next record.
        publish(droplet(workspace + "/us-east/droplet/fourth", "198.51.100.43",
                dnsContext("fourth." + zone, zone, "60")));
        awaitSynced(workspace + "/global/dns-record/fourth." + zone, 1);
        assertTrue(SimRoute53.recordSet(zone, "second." + zone, "A").isEmpty());

        // Neither the logs of all this nor anything published carries the secret access key.
        String log = Files.readString(Path.of("target", "dns-service-test.log"));
        assertTrue(log.contains("ServiceUnavailable"), "the failure was logged");
        assertFalse(log.contains(SECRET), "the secret access key is not in the log");
        for (String topic : List.of(Topics.EVENTS, Topics.DEAD_LETTER)) {
            assertTrue(KafkaTopics.collect(topic, r -> contains(r, SECRET), Duration.ofSeconds(2)).isEmpty(),
                    "the secret access key is not on " + topic);
        }
    }

    private static ResourceFailed awaitFailure(String recordAddress) {
        ConsumerRecord<String, String> record = KafkaTopics.await(Topics.EVENTS, r -> recordAddress.equals(r.key())
                        && "dev.provisioning.resource.failed".equals(CloudEventCodec.optional(r.headers(), "ce_type")),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no ResourceFailed for " + recordAddress));
        return CloudEventCodec.decode(record).dataAs(ResourceFailed.class);
    }

    private static boolean contains(ConsumerRecord<String, String> record, String text) {
        if (record.value() != null && record.value().contains(text)) {
            return true;
        }
        for (var header : record.headers()) {
            if (header.value() != null && new String(header.value()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
