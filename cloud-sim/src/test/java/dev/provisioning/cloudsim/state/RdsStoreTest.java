package dev.provisioning.cloudsim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RDS store on its own: transitions, replicas and their promotion, subnet groups, tags, errors. */
class RdsStoreTest {

    static final String REGION = "ap-southeast-1";
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    SimTimers timers;
    Ec2Store ec2;
    RdsStore rds;
    AtomicReference<Duration> delay = new AtomicReference<>(Duration.ofMillis(100));

    @BeforeEach
    void start() {
        timers = new SimTimers();
        ec2 = new Ec2Store(timers, () -> Duration.ZERO);
        rds = new RdsStore(ec2, timers, delay::get);
    }

    @AfterEach
    void stop() {
        timers.close();
    }

    RdsStore.InstanceDraft draft(String identifier, String subnetGroup) {
        return new RdsStore.InstanceDraft(REGION, identifier, "db.t3.medium", "postgres", "16.8", 20, "provadmin",
                "s3cretPassw0rd", 5432, subnetGroup, List.of(), 1, Map.of("prov:address", "ws/asia/rds-instance/"
                + identifier));
    }

    RdsInstance available(String identifier) {
        rds.createInstance(draft(identifier, null), NOW);
        awaitStatus(identifier, "available");
        return rds.instance(REGION, identifier);
    }

    void awaitStatus(String identifier, String status) {
        await(() -> rds.find(REGION, identifier).map(i -> i.status().equals(status)).orElse(false),
                identifier + " becomes " + status);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void anInstanceIsCreatingThenAvailableWithItsEndpointAndArn() {
        RdsInstance created = rds.createInstance(draft("orders", null), NOW);
        assertEquals("creating", created.status());
        assertFalse(created.hasEndpoint());
        assertEquals("arn:aws:rds:ap-southeast-1:000000000000:db:orders", created.arn());
        assertTrue(created.endpointAddress().matches("orders\\.c[a-z0-9]{11}\\.ap-southeast-1\\.rds\\.amazonaws\\.com"),
                created.endpointAddress());
        assertTrue(created.dbiResourceId().matches("db-[A-Z0-9]{26}"), created.dbiResourceId());
        assertEquals("ap-southeast-1a", created.availabilityZone());

        awaitStatus("orders", "available");
        RdsInstance ready = rds.instance(REGION, created.arn());
        assertTrue(ready.hasEndpoint());
        assertEquals(created.endpointAddress(), ready.endpointAddress());
        String otherHost = rds.createInstance(draft("billing", null), NOW).endpointAddress();
        assertEquals(ready.endpointAddress().substring("orders".length()), otherHost.substring("billing".length()),
                "one account and region share the host name suffix");
    }

    @Test
    void identifiersAreUniquePerRegionAndMissingOnesAreNotFound() {
        rds.createInstance(draft("orders", null), NOW);
        AwsRejection duplicate = assertThrows(AwsRejection.class, () -> rds.createInstance(draft("orders", null), NOW));
        assertEquals("DBInstanceAlreadyExists", duplicate.code());
        AwsRejection missing = assertThrows(AwsRejection.class, () -> rds.instance("eu-west-1", "orders"));
        assertEquals("DBInstanceNotFound", missing.code());
        assertEquals(404, missing.status());
    }

    @Test
    void aReplicaCopiesItsSourceAndIsListedByIt() {
        assertEquals("InvalidDBInstanceState", assertThrows(AwsRejection.class, () -> {
            rds.createInstance(draft("early", null), NOW);
            rds.createReplica(new RdsStore.ReplicaDraft(REGION, "early-replica", "early", null, null, List.of(),
                    Map.of()), NOW);
        }).code(), "a source still being created cannot have replicas");
        AwsRejection unknown = assertThrows(AwsRejection.class, () -> rds.createReplica(new RdsStore.ReplicaDraft(
                REGION, "r", "nowhere", null, null, List.of(), Map.of()), NOW));
        assertEquals("DBInstanceNotFound", unknown.code());

        RdsInstance primary = available("orders");
        RdsInstance replica = rds.createReplica(new RdsStore.ReplicaDraft(REGION, "orders-replica", primary.arn(),
                "db.t3.large", null, List.of(), Map.of("prov:role", "replica")), NOW);
        assertEquals("orders", replica.readReplicaSource());
        assertEquals("db.t3.large", replica.instanceClass());
        assertEquals("16.8", replica.engineVersion());
        assertEquals("provadmin", replica.masterUsername());
        assertEquals("ap-southeast-1b", replica.availabilityZone());
        assertEquals(List.of("orders-replica"), rds.replicasOf(primary));
    }

    @Test
    void promotingAReplicaMakesItStandalone() {
        RdsInstance primary = available("orders");
        assertEquals("InvalidDBInstanceState", assertThrows(AwsRejection.class,
                () -> rds.promote(REGION, "orders")).code());
        rds.createReplica(new RdsStore.ReplicaDraft(REGION, "copy", "orders", null, null, List.of(), Map.of()), NOW);
        awaitStatus("copy", "available");

        assertEquals("modifying", rds.promote(REGION, "copy").status());
        awaitStatus("copy", "available");
        assertNull(rds.instance(REGION, "copy").readReplicaSource());
        assertTrue(rds.replicasOf(primary).isEmpty());
        assertEquals(1, rds.instance(REGION, "copy").backupRetentionPeriod());
    }

    @Test
    void deletingTakesTheDelayAndLeavesTheReplicasStandalone() {
        available("orders");
        rds.createReplica(new RdsStore.ReplicaDraft(REGION, "copy", "orders", null, null, List.of(), Map.of()), NOW);

        assertEquals("deleting", rds.delete(REGION, "orders").status());
        assertEquals("InvalidDBInstanceState", assertThrows(AwsRejection.class,
                () -> rds.delete(REGION, "orders")).code());
        await(() -> rds.find(REGION, "orders").isEmpty(), "orders is gone");
        assertNull(rds.instance(REGION, "copy").readReplicaSource());
    }

    @Test
    void subnetGroupsNeedKnownSubnetsInTwoZonesAndOutliveNoInstance() {
        String vpc = ec2.createVpc(REGION, "10.4.0.0/16", Map.of()).vpcId();
        String a = ec2.createSubnet(REGION, vpc, "10.4.0.0/24", REGION + "a", Map.of()).subnetId();
        String b = ec2.createSubnet(REGION, vpc, "10.4.1.0/24", REGION + "b", Map.of()).subnetId();

        assertEquals("DBSubnetGroupDoesNotCoverEnoughAZs", assertThrows(AwsRejection.class,
                () -> rds.createSubnetGroup(REGION, "one-zone", "d", List.of(a), Map.of())).code());
        AwsRejection unknown = assertThrows(AwsRejection.class,
                () -> rds.createSubnetGroup(REGION, "bad", "d", List.of(a, "subnet-0nope"), Map.of()));
        assertEquals("InvalidSubnet", unknown.code());
        assertTrue(unknown.getMessage().contains("subnet-0nope"), unknown.getMessage());

        RdsSubnetGroup group = rds.createSubnetGroup(REGION, "db-net", "database subnets", List.of(a, b), Map.of());
        assertEquals(vpc, group.vpcId());
        assertEquals(List.of(REGION + "a", REGION + "b"), group.zones());
        assertEquals("DBSubnetGroupAlreadyExists", assertThrows(AwsRejection.class,
                () -> rds.createSubnetGroup(REGION, "db-net", "d", List.of(a, b), Map.of())).code());

        String foreignGroup = ec2.createSecurityGroup(REGION, "other", "d",
                ec2.createVpc(REGION, "10.5.0.0/16", Map.of()).vpcId(), Map.of()).groupId();
        AwsRejection wrongVpc = assertThrows(AwsRejection.class, () -> rds.createInstance(
                new RdsStore.InstanceDraft(REGION, "x", "db.t3.micro", "postgres", "16.8", 20, "u", "passwordpw",
                        5432, "db-net", List.of(foreignGroup), 1, Map.of()), NOW));
        assertEquals("InvalidParameterCombination", wrongVpc.code());

        RdsInstance inGroup = rds.createInstance(draft("orders", "db-net"), NOW);
        assertEquals("db-net", inGroup.subnetGroupName());
        assertEquals(REGION + "a", inGroup.availabilityZone());
        assertEquals("InvalidDBSubnetGroupStateFault", assertThrows(AwsRejection.class,
                () -> rds.deleteSubnetGroup(REGION, "db-net")).code());
        rds.delete(REGION, "orders");
        await(() -> rds.find(REGION, "orders").isEmpty(), "orders is gone");
        rds.deleteSubnetGroup(REGION, "DB-NET");
        assertEquals("DBSubnetGroupNotFoundFault", assertThrows(AwsRejection.class,
                () -> rds.subnetGroup(REGION, "db-net")).code());
    }

    @Test
    void tagsAreReadAndChangedByArn() {
        RdsInstance db = rds.createInstance(draft("orders", null), NOW);
        rds.addTags(REGION, db.arn(), Map.of("team", "payments"));
        rds.removeTags(REGION, db.arn(), List.of("prov:address", "absent"));
        assertEquals(Map.of("team", "payments"), rds.tagsOf(REGION, db.arn()));
        assertEquals("InvalidParameterValue", assertThrows(AwsRejection.class,
                () -> rds.tagsOf("eu-west-1", db.arn())).code());
        assertEquals("DBInstanceNotFound", assertThrows(AwsRejection.class,
                () -> rds.tagsOf(REGION, "arn:aws:rds:ap-southeast-1:000000000000:db:nothing")).code());
    }

    @Test
    void thePasswordIsKeptButNeverPrinted() {
        RdsInstance db = rds.createInstance(draft("orders", null), NOW);
        assertEquals("s3cretPassw0rd", db.masterUserPassword());
        assertFalse(db.toString().contains("s3cretPassw0rd"), db.toString());
    }

    @Test
    void aResetDropsEverythingAndPendingTransitions() {
        rds.createInstance(draft("orders", null), NOW);
        rds.reset();
        rds.createInstance(draft("orders", null), NOW);
        assertEquals("creating", rds.instance(REGION, "orders").status());
        awaitStatus("orders", "available");
        assertEquals(1, rds.instances().size());
    }

    @Test
    void theDelayIsReadAsEachTransitionStarts() {
        delay.set(Duration.ofSeconds(30));
        rds.createInstance(draft("slow", null), NOW);
        delay.set(Duration.ZERO);
        rds.createInstance(draft("fast", null), NOW);
        awaitStatus("fast", "available");
        assertEquals("creating", rds.instance(REGION, "slow").status());
    }
}
