package dev.provisioning.digitaloceanagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.KafkaProbe;
import dev.provisioning.cloudsim.state.DigitalOceanIpRange;
import dev.provisioning.cloudsim.state.Droplet;
import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.digitaloceanagent.service.DropletTags;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Droplet commands through the whole path: Kafka → agent → SDK → cloud-sim → events on Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class DropletCommandsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String TOPIC = Topics.commands(Provider.DIGITALOCEAN);
    static final Map<String, String> CONTEXT = Map.of(ContextKeys.DNS_NAME, "us.api.example.com",
            ContextKeys.DNS_ZONE, "api.example.com");

    KafkaProbe kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaProbe(KafkaTestResource.bootstrapServers());
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    static ResourceAddress newAddress() {
        return new ResourceAddress("shop.example", "us-east", "droplet", "web-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static ProvisionResource provision(ResourceAddress address, Map<String, Object> spec) {
        return new ProvisionResource("rollout-7", address, Provider.DIGITALOCEAN, "nyc3", spec, CONTEXT);
    }

    static List<Droplet> dropletsOf(ResourceAddress address) {
        return CloudSimTestResource.sim().state().dropletsTagged(DropletTags.addressTag(address));
    }

    @Test
    void createReportsReadyWithIdAddressesSizeAndPriceKey() {
        ResourceAddress address = newAddress();
        kafka.sendCommand(TOPIC, provision(address, Map.of("size", "s-1vcpu-1gb", "tags", List.of("team:web"),
                "ssh_keys", List.of(512190, "3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa"))));

        ConsumerRecord<String, String> record =
                kafka.awaitEventRecords(address.toString(), MessageType.RESOURCE_READY, 1, TIMEOUT).get(0);

        assertEquals("dev.provisioning.resource.ready", KafkaProbe.header(record, "ce_type"));
        assertEquals("/digitalocean-agent", KafkaProbe.header(record, "ce_source"));
        assertNotNull(KafkaProbe.header(record, "ce_id"));
        assertEquals(address.toString(), record.key());
        ResourceReady ready = CloudEventCodec.decode(record).dataAs(ResourceReady.class);

        List<Droplet> droplets = dropletsOf(address);
        assertEquals(1, droplets.size());
        Droplet droplet = droplets.get(0);
        assertEquals(String.valueOf(droplet.id()), ready.providerId());
        assertEquals(Map.of("ipv4", droplet.ipv4(), "ipv4_private", droplet.privateIpv4()), ready.addresses());
        assertEquals("s-1vcpu-1gb", ready.size());
        assertEquals("digitalocean:size:s-1vcpu-1gb", ready.priceKey());
        assertEquals("rollout-7", ready.rolloutId());
        assertEquals("nyc3", ready.providerRegion());
        assertEquals(Provider.DIGITALOCEAN, ready.provider());
        assertEquals(CONTEXT, ready.context());

        assertEquals(address.name(), droplet.name());
        assertEquals("ubuntu-24-04-x64", droplet.image());
        assertEquals("nyc3", droplet.region());
        assertEquals(Droplet.Status.ACTIVE, droplet.status());
        assertTrue(droplet.tags().containsAll(List.of(DropletTags.addressTag(address), "workspace:shop_example",
                "region:us-east", "team:web")), droplet.tags().toString());
        assertEquals(List.of("512190", "3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa"), droplet.sshKeys());
    }

    @Test
    void aVpcIsHonouredThroughTheRawCreateTheSdkLacks() {
        ResourceAddress address = newAddress();
        String vpc = CloudSimTestResource.sim().state().digitalOceanVpcStore().create("raw-" + address.name(), "",
                "nyc3", DigitalOceanIpRange.parse("10.99." + (int) (Math.random() * 255) + ".0/24").orElseThrow(),
                List.of(), java.time.Instant.now()).id();
        kafka.sendCommand(TOPIC, provision(address, Map.of("size", "s-1vcpu-1gb", "image", "debian-12-x64",
                "vpc_uuid", vpc, "ssh_keys", List.of(512190))));

        ResourceReady ready = kafka.awaitEvent(address.toString(), MessageType.RESOURCE_READY, TIMEOUT)
                .dataAs(ResourceReady.class);

        Droplet droplet = dropletsOf(address).get(0);
        assertEquals(vpc, droplet.vpcUuid());
        assertEquals("debian-12-x64", droplet.image());
        assertEquals(List.of("512190"), droplet.sshKeys());
        assertEquals(String.valueOf(droplet.id()), ready.providerId());
        assertEquals(droplet.privateIpv4(), ready.addresses().get("ipv4_private"));
    }

    @Test
    void theSameCommandDeliveredTwiceCreatesOneDroplet() {
        ResourceAddress address = newAddress();
        ProvisionResource command = provision(address, Map.of("size", "s-1vcpu-2gb"));
        kafka.sendCommand(TOPIC, command);
        kafka.sendCommand(TOPIC, command);

        List<ConsumerRecord<String, String>> readies =
                kafka.awaitEventRecords(address.toString(), MessageType.RESOURCE_READY, 2, TIMEOUT);

        assertEquals(1, dropletsOf(address).size());
        String first = CloudEventCodec.decode(readies.get(0)).dataAs(ResourceReady.class).providerId();
        String second = CloudEventCodec.decode(readies.get(1)).dataAs(ResourceReady.class).providerId();
        assertEquals(first, second);
    }

    @Test
    void anUnknownSizeIsAPermanentFailureCarryingTheProvidersMessage() {
        ResourceAddress address = newAddress();
        kafka.sendCommand(TOPIC, provision(address, Map.of("size", "s-64vcpu-1tb")));

        ResourceFailed failed = kafka.awaitEvent(address.toString(), MessageType.RESOURCE_FAILED, TIMEOUT)
                .dataAs(ResourceFailed.class);

        assertFalse(failed.retryable());
        assertEquals("unprocessable_entity", failed.errorCode());
        assertEquals("You specified an invalid size for Droplet creation.", failed.message());
        assertEquals(1, failed.attempts());
        assertEquals(CONTEXT, failed.context());
        assertTrue(dropletsOf(address).isEmpty());
    }

    @Test
    void aSpecWithoutSizeIsRejectedBeforeCallingTheProvider() {
        ResourceAddress address = newAddress();
        kafka.sendCommand(TOPIC, provision(address, Map.of("image", "debian-12-x64")));

        ResourceFailed failed = kafka.awaitEvent(address.toString(), MessageType.RESOURCE_FAILED, TIMEOUT)
                .dataAs(ResourceFailed.class);

        assertEquals("invalid_spec", failed.errorCode());
        assertEquals("spec.size is required for droplet " + address, failed.message());
        assertFalse(failed.retryable());
    }

    @Test
    void rateLimitedCreatesAreRetriedAfterTheAskedWaitThenReady() throws Exception {
        ResourceAddress address = newAddress();
        injectFault("{\"provider\":\"digitalocean\",\"pathPrefix\":\"/v2/droplets\",\"method\":\"POST\","
                + "\"status\":429,\"count\":2,\"retryAfterSeconds\":1}");
        long start = System.nanoTime();

        kafka.sendCommand(TOPIC, provision(address, Map.of("size", "s-2vcpu-2gb")));
        CloudEvent event = kafka.awaitEvent(address.toString(), MessageType.RESOURCE_READY, TIMEOUT);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0, "two Retry-After: 1 waits, took " + took);
        assertTrue(CloudSimTestResource.sim().faults().active().isEmpty(), "both injected 429s were served");
        assertEquals(1, dropletsOf(address).size());
        assertEquals(String.valueOf(dropletsOf(address).get(0).id()), event.dataAs(ResourceReady.class).providerId());
    }

    @Test
    void deleteRemovesTheDropletAndReportsItsId() {
        ResourceAddress address = newAddress();
        kafka.sendCommand(TOPIC, provision(address, Map.of("size", "s-1vcpu-1gb")));
        String id = kafka.awaitEvent(address.toString(), MessageType.RESOURCE_READY, TIMEOUT)
                .dataAs(ResourceReady.class).providerId();

        DeleteResource delete = new DeleteResource("rollout-8", address, Provider.DIGITALOCEAN, "nyc3", CONTEXT);
        kafka.sendCommand(TOPIC, delete);
        ResourceDeleted deleted = kafka.awaitEvent(address.toString(), MessageType.RESOURCE_DELETED, TIMEOUT)
                .dataAs(ResourceDeleted.class);

        assertEquals(id, deleted.providerId());
        assertEquals("rollout-8", deleted.rolloutId());
        assertEquals(CONTEXT, deleted.context());
        assertTrue(dropletsOf(address).isEmpty());
        assertTrue(CloudSimTestResource.sim().state().droplet(Integer.parseInt(id)).isEmpty());

        kafka.sendCommand(TOPIC, delete);
        List<ConsumerRecord<String, String>> both =
                kafka.awaitEventRecords(address.toString(), MessageType.RESOURCE_DELETED, 2, TIMEOUT);
        assertNull(CloudEventCodec.decode(both.get(1)).dataAs(ResourceDeleted.class).providerId());
    }

    /** Arms a fault through cloud-sim's control API, as an operator drilling outages would. */
    static void injectFault(String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create(CloudSimTestResource.sim().url() + "/_sim/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }
}
