package dev.provisioning.digitaloceanagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.KafkaProbe;
import dev.provisioning.agent.testing.SecretScan;
import dev.provisioning.cloudsim.state.DigitalOceanDatabase;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Managed database commands through the whole path: Kafka → agent → raw REST → cloud-sim → events. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class DatabaseCommandsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String TOPIC = Topics.commands(Provider.DIGITALOCEAN);
    static final String REGION = "nyc3";

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    KafkaProbe kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaProbe(KafkaTestResource.bootstrapServers());
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aClusterIsReadyWithHowToReachItAndItsPasswordIsInNoEventOrLogLine() throws Exception {
        ResourceAddress vpc = address("vpc", "db-net");
        String vpcId = provisionAndAwait(vpc, Map.of("ip_range", VpcAndLoadBalancerCommandsTest.freeRange()),
                1).providerId();
        ResourceAddress db = address("database", "orders");
        ProvisionResource command = provision(db, Map.of("engine", "pg", "version", "16", "size", "db-s-2vcpu-4gb",
                "num_nodes", 2, "vpc", vpc.toString(), "role", "primary", "max_lag_seconds", 30));

        kafka.sendCommand(TOPIC, command);
        kafka.sendCommand(TOPIC, command);
        List<ConsumerRecord<String, String>> readies =
                kafka.awaitEventRecords(db.toString(), MessageType.RESOURCE_READY, 2, TIMEOUT);

        List<DigitalOceanDatabase> clusters = clustersOf(db);
        assertEquals(1, clusters.size(), "a command delivered twice makes one cluster");
        DigitalOceanDatabase cluster = clusters.get(0);
        ResourceReady ready = CloudEventCodec.decode(readies.get(0)).dataAs(ResourceReady.class);
        assertEquals(cluster.id(), ready.providerId());
        assertEquals(cluster.id(), CloudEventCodec.decode(readies.get(1)).dataAs(ResourceReady.class).providerId());
        assertEquals(Map.of("host", cluster.host(), "port", "25060", "private_host", cluster.privateHost(),
                "database", "defaultdb", "user", "doadmin"), ready.addresses());
        assertEquals("db-s-2vcpu-4gb", ready.size());
        assertEquals("digitalocean:database:db-s-2vcpu-4gb:2", ready.priceKey());
        assertEquals(DigitalOceanDatabase.Status.ONLINE, cluster.status());
        assertEquals("pg", cluster.engine());
        assertEquals("16", cluster.version());
        assertEquals(2, cluster.numNodes());
        assertEquals(REGION, cluster.region());
        assertEquals(vpcId, cluster.privateNetworkUuid());
        assertTrue(cluster.hasTag(DropletTags.addressTag(db)), cluster.tags().toString());

        assertTrue(cluster.password().length() > 10, "the simulated cluster has a password to look for");
        SecretScan.assertAbsentFromRecords(kafka.recordsWithin(Topics.EVENTS, r -> true, Duration.ofSeconds(2)),
                cluster.password());
        SecretScan.assertAbsentFromLog(Path.of(logFile), List.of("address=" + db), cluster.password());
    }

    @Test
    void defaultsAreAOneNodePostgres16InTheRegionsDefaultVpc() {
        ResourceAddress db = address("database", "small");
        ResourceReady ready = provisionAndAwait(db, Map.of("size", "db-s-1vcpu-2gb"), 1);

        DigitalOceanDatabase cluster = clustersOf(db).get(0);
        assertEquals("pg", cluster.engine());
        assertEquals("16", cluster.version());
        assertEquals(1, cluster.numNodes());
        assertEquals("digitalocean:database:db-s-1vcpu-2gb:1", ready.priceKey());
    }

    @Test
    void deleteRemovesTheClusterAndReportsItsId() {
        ResourceAddress db = address("database", "temp");
        String id = provisionAndAwait(db, Map.of("size", "db-s-1vcpu-2gb"), 1).providerId();

        kafka.sendCommand(TOPIC, new DeleteResource("rollout-10", db, Provider.DIGITALOCEAN, REGION, Map.of()));
        ResourceDeleted deleted = kafka.awaitEvent(db.toString(), MessageType.RESOURCE_DELETED, TIMEOUT)
                .dataAs(ResourceDeleted.class);

        assertEquals(id, deleted.providerId());
        assertTrue(clustersOf(db).isEmpty());

        kafka.sendCommand(TOPIC, new DeleteResource("rollout-11", db, Provider.DIGITALOCEAN, REGION, Map.of()));
        List<ConsumerRecord<String, String>> both =
                kafka.awaitEventRecords(db.toString(), MessageType.RESOURCE_DELETED, 2, TIMEOUT);
        assertNull(CloudEventCodec.decode(both.get(1)).dataAs(ResourceDeleted.class).providerId(),
                "nothing left to delete");
    }

    @Test
    void aSizeDigitalOceanDoesNotOfferIsAPermanentFailureWithItsMessage() {
        ResourceAddress db = address("database", "huge");
        kafka.sendCommand(TOPIC, provision(db, Map.of("size", "db-s-99vcpu-1tb")));

        ResourceFailed failed = kafka.awaitEvent(db.toString(), MessageType.RESOURCE_FAILED, TIMEOUT)
                .dataAs(ResourceFailed.class);

        assertFalse(failed.retryable());
        assertEquals("unprocessable_entity", failed.errorCode());
        assertTrue(failed.message().contains("db-s-99vcpu-1tb"), failed.message());
        assertTrue(clustersOf(db).isEmpty());
    }

    @Test
    void aRoleOtherThanPrimaryIsRefusedBeforeAnyCall() {
        ResourceAddress db = address("database", "follower");
        kafka.sendCommand(TOPIC, provision(db, Map.of("size", "db-s-1vcpu-2gb", "role", "replica")));

        ResourceFailed failed = kafka.awaitEvent(db.toString(), MessageType.RESOURCE_FAILED, TIMEOUT)
                .dataAs(ResourceFailed.class);

        assertFalse(failed.retryable());
        assertEquals("invalid_spec", failed.errorCode());
        assertTrue(failed.message().contains("'replica'"), failed.message());
        assertTrue(clustersOf(db).isEmpty());
    }

    @Test
    void anotherSizeOrNodeCountIsNotResized() {
        ResourceAddress db = address("database", "fixed");
        String id = provisionAndAwait(db, Map.of("size", "db-s-1vcpu-2gb"), 1).providerId();

        kafka.sendCommand(TOPIC, provision(db, Map.of("size", "db-s-1vcpu-2gb", "num_nodes", 3)));
        ResourceFailed failed = kafka.awaitEvent(db.toString(), MessageType.RESOURCE_FAILED, TIMEOUT)
                .dataAs(ResourceFailed.class);

        assertEquals("resize_unsupported", failed.errorCode());
        assertFalse(failed.retryable());
        assertTrue(failed.message().contains(id), failed.message());
        assertEquals(1, clustersOf(db).size());
        assertEquals(1, clustersOf(db).get(0).numNodes());
    }

    @Test
    void rateLimitedCreatesAreRetriedAfterTheAskedWait() throws Exception {
        ResourceAddress db = address("database", "busy");
        DropletCommandsTest.injectFault("{\"provider\":\"digitalocean\",\"pathPrefix\":\"/v2/databases\","
                + "\"method\":\"POST\",\"status\":429,\"count\":1,\"retryAfterSeconds\":1}");
        long start = System.nanoTime();

        kafka.sendCommand(TOPIC, provision(db, Map.of("size", "db-s-1vcpu-2gb")));
        CloudEvent event = kafka.awaitEvent(db.toString(), MessageType.RESOURCE_READY, TIMEOUT);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "one Retry-After: 1 wait, took " + took);
        assertEquals(1, clustersOf(db).size());
        assertEquals(clustersOf(db).get(0).id(), event.dataAs(ResourceReady.class).providerId());
    }

    static ResourceAddress address(String kind, String name) {
        return new ResourceAddress("shop.example", "us-east", kind, name + "-" + UUID.randomUUID().toString()
                .substring(0, 8));
    }

    static ProvisionResource provision(ResourceAddress address, Map<String, Object> spec) {
        return new ProvisionResource("rollout-db", address, Provider.DIGITALOCEAN, REGION, spec, Map.of());
    }

    /** Sends the command and waits for the {@code nth} ResourceReady of the address. */
    ResourceReady provisionAndAwait(ResourceAddress address, Map<String, Object> spec, int nth) {
        kafka.sendCommand(TOPIC, provision(address, spec));
        List<ConsumerRecord<String, String>> readies =
                kafka.awaitEventRecords(address.toString(), MessageType.RESOURCE_READY, nth, TIMEOUT);
        return CloudEventCodec.decode(readies.get(nth - 1)).dataAs(ResourceReady.class);
    }

    static List<DigitalOceanDatabase> clustersOf(ResourceAddress address) {
        return CloudSimTestResource.sim().state().digitalOceanDatabasesTagged(DropletTags.addressTag(address));
    }
}
