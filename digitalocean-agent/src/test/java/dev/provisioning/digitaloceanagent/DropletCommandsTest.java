package dev.provisioning.digitaloceanagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.CommandsTestSupport;
import dev.provisioning.agent.testing.KafkaProbe;
import dev.provisioning.cloudsim.state.DigitalOceanIpRange;
import dev.provisioning.cloudsim.state.Droplet;
import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Droplet commands through the whole path: Kafka → agent → SDK → cloud-sim → events on Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class DropletCommandsTest extends CommandsTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Map<String, String> CONTEXT = Map.of(ContextKeys.DNS_NAME, "us.api.example.com",
            ContextKeys.DNS_ZONE, "api.example.com");

    DropletCommandsTest() {
        super(Provider.DIGITALOCEAN, "nyc3", CONTEXT, TIMEOUT);
    }

    static ResourceAddress newAddress() {
        return uniqueAddress("us-east", "droplet", "web");
    }

    ProvisionResource provision(ResourceAddress address, Map<String, Object> spec) {
        return provisionCommand("rollout-7", address, spec);
    }

    static List<Droplet> dropletsOf(ResourceAddress address) {
        return CloudSimTestResource.sim().state().dropletsTagged(DropletTags.addressTag(address));
    }

    @Test
    void createReportsReadyWithIdAddressesSizeAndPriceKey() {
        ResourceAddress address = newAddress();
        send(provision(address, Map.of("size", "s-1vcpu-1gb", "tags", List.of("team:web"),
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

        ResourceReady ready = ready(provision(address, Map.of("size", "s-1vcpu-1gb", "image", "debian-12-x64",
                "vpc_uuid", vpc, "ssh_keys", List.of(512190))));

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
        send(command);
        send(command);

        List<ResourceReady> readies = readies(address, 2);

        assertEquals(1, dropletsOf(address).size());
        assertEquals(readies.get(0).providerId(), readies.get(1).providerId());
    }

    @Test
    void anUnknownSizeIsAPermanentFailureCarryingTheProvidersMessage() {
        ResourceAddress address = newAddress();

        ResourceFailed failed = failed(provision(address, Map.of("size", "s-64vcpu-1tb")));

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

        ResourceFailed failed = failed(provision(address, Map.of("image", "debian-12-x64")));

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

        ResourceReady ready = ready(provision(address, Map.of("size", "s-2vcpu-2gb")));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0, "two Retry-After: 1 waits, took " + took);
        assertTrue(CloudSimTestResource.sim().faults().active().isEmpty(), "both injected 429s were served");
        assertEquals(1, dropletsOf(address).size());
        assertEquals(String.valueOf(dropletsOf(address).get(0).id()), ready.providerId());
    }

    @Test
    void deleteRemovesTheDropletAndReportsItsId() {
        ResourceAddress address = newAddress();
        String id = ready(provision(address, Map.of("size", "s-1vcpu-1gb"))).providerId();

        DeleteResource delete = deleteCommand("rollout-8", address);
        ResourceDeleted deleted = deleted(delete);

        assertEquals(id, deleted.providerId());
        assertEquals("rollout-8", deleted.rolloutId());
        assertEquals(CONTEXT, deleted.context());
        assertTrue(dropletsOf(address).isEmpty());
        assertTrue(CloudSimTestResource.sim().state().droplet(Integer.parseInt(id)).isEmpty());

        assertNull(deleted(delete, 2).providerId());
    }
}
