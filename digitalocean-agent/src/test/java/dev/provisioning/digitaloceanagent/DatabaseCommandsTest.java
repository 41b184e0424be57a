package dev.provisioning.digitaloceanagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.CommandsTestSupport;
import dev.provisioning.agent.testing.SecretScan;
import dev.provisioning.cloudsim.state.DigitalOceanDatabase;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Managed database commands through the whole path: Kafka → agent → raw REST → cloud-sim → events. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class DatabaseCommandsTest extends CommandsTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String REGION = "nyc3";

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    DatabaseCommandsTest() {
        super(Provider.DIGITALOCEAN, REGION, Map.of(), TIMEOUT);
    }

    @Test
    void aClusterIsReadyWithHowToReachItAndItsPasswordIsInNoEventOrLogLine() throws Exception {
        ResourceAddress vpc = address("vpc", "db-net");
        String vpcId = ready(provision(vpc, Map.of("ip_range", VpcAndLoadBalancerCommandsTest.freeRange())))
                .providerId();
        ResourceAddress db = address("database", "orders");
        ProvisionResource command = provision(db, Map.of("engine", "pg", "version", "16", "size", "db-s-2vcpu-4gb",
                "num_nodes", 2, "vpc", vpc.toString(), "role", "primary", "max_lag_seconds", 30));

        send(command);
        send(command);
        List<ResourceReady> readies = readies(db, 2);

        List<DigitalOceanDatabase> clusters = clustersOf(db);
        assertEquals(1, clusters.size(), "a command delivered twice makes one cluster");
        DigitalOceanDatabase cluster = clusters.get(0);
        ResourceReady ready = readies.get(0);
        assertEquals(cluster.id(), ready.providerId());
        assertEquals(cluster.id(), readies.get(1).providerId());
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
        ResourceReady ready = ready(provision(db, Map.of("size", "db-s-1vcpu-2gb")));

        DigitalOceanDatabase cluster = clustersOf(db).get(0);
        assertEquals("pg", cluster.engine());
        assertEquals("16", cluster.version());
        assertEquals(1, cluster.numNodes());
        assertEquals("digitalocean:database:db-s-1vcpu-2gb:1", ready.priceKey());
    }

    @Test
    void deleteRemovesTheClusterAndReportsItsId() {
        ResourceAddress db = address("database", "temp");
        String id = ready(provision(db, Map.of("size", "db-s-1vcpu-2gb"))).providerId();

        ResourceDeleted deleted = deleted(deleteCommand("rollout-10", db));

        assertEquals(id, deleted.providerId());
        assertTrue(clustersOf(db).isEmpty());

        assertNull(deleted(deleteCommand("rollout-11", db), 2).providerId(), "nothing left to delete");
    }

    @Test
    void aSizeDigitalOceanDoesNotOfferIsAPermanentFailureWithItsMessage() {
        ResourceAddress db = address("database", "huge");

        ResourceFailed failed = failed(provision(db, Map.of("size", "db-s-99vcpu-1tb")));

        assertFalse(failed.retryable());
        assertEquals("unprocessable_entity", failed.errorCode());
        assertTrue(failed.message().contains("db-s-99vcpu-1tb"), failed.message());
        assertTrue(clustersOf(db).isEmpty());
    }

    @Test
    void aRoleOtherThanPrimaryIsRefusedBeforeAnyCall() {
        ResourceAddress db = address("database", "follower");

        ResourceFailed failed = failed(provision(db, Map.of("size", "db-s-1vcpu-2gb", "role", "replica")));

        assertFalse(failed.retryable());
        assertEquals("invalid_spec", failed.errorCode());
        assertTrue(failed.message().contains("'replica'"), failed.message());
        assertTrue(clustersOf(db).isEmpty());
    }

    @Test
    void anotherSizeOrNodeCountIsNotResized() {
        ResourceAddress db = address("database", "fixed");
        String id = ready(provision(db, Map.of("size", "db-s-1vcpu-2gb"))).providerId();

        ResourceFailed failed = failed(provision(db, Map.of("size", "db-s-1vcpu-2gb", "num_nodes", 3)));

        assertEquals("resize_unsupported", failed.errorCode());
        assertFalse(failed.retryable());
        assertTrue(failed.message().contains(id), failed.message());
        assertEquals(1, clustersOf(db).size());
        assertEquals(1, clustersOf(db).get(0).numNodes());
    }

    @Test
    void rateLimitedCreatesAreRetriedAfterTheAskedWait() throws Exception {
        ResourceAddress db = address("database", "busy");
        injectFault("{\"provider\":\"digitalocean\",\"pathPrefix\":\"/v2/databases\","
                + "\"method\":\"POST\",\"status\":429,\"count\":1,\"retryAfterSeconds\":1}");
        long start = System.nanoTime();

        ResourceReady ready = ready(provision(db, Map.of("size", "db-s-1vcpu-2gb")));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "one Retry-After: 1 wait, took " + took);
        assertEquals(1, clustersOf(db).size());
        assertEquals(clustersOf(db).get(0).id(), ready.providerId());
    }

    static ResourceAddress address(String kind, String name) {
        return uniqueAddress("us-east", kind, name);
    }

    ProvisionResource provision(ResourceAddress address, Map<String, Object> spec) {
        return provisionCommand("rollout-db", address, spec);
    }

    static List<DigitalOceanDatabase> clustersOf(ResourceAddress address) {
        return CloudSimTestResource.sim().state().digitalOceanDatabasesTagged(DropletTags.addressTag(address));
    }
}
