package dev.provisioning.awsagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.CommandsTestSupport;
import dev.provisioning.agent.testing.SecretScan;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.state.RdsInstance;
import dev.provisioning.cloudsim.state.SimState;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** RDS PostgreSQL instances and replicas through the whole path: Kafka → agent → RdsClient → cloud-sim → events. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class RdsCommandsTest extends CommandsTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(40);
    static final String REGION = "ap-southeast-1";

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    RdsCommandsTest() {
        super(Provider.AWS, REGION, Map.of(), TIMEOUT);
    }

    static ResourceAddress address(String kind, String prefix) {
        return uniqueAddress("asia", kind, prefix);
    }

    static SimState sim() {
        return CloudSimTestResource.sim().state();
    }

    static List<RdsInstance> instancesOf(ResourceAddress address) {
        return sim().rdsInstancesTagged("prov:address", address.toString());
    }

    static RdsInstance instanceOf(ResourceAddress address) {
        List<RdsInstance> instances = instancesOf(address);
        assertEquals(1, instances.size(), "one instance for " + address + ": " + instances);
        return instances.get(0);
    }

    static Map<String, Object> primarySpec(String instanceClass) {
        return Map.of("engine", "postgres", "engine_version", "16", "instance_class", instanceClass,
                "allocated_storage", 20, "role", "primary");
    }

    static Map<String, Object> replicaSpec(ResourceAddress primary) {
        return Map.of("engine", "postgres", "engine_version", "16", "instance_class", "db.t3.medium",
                "allocated_storage", 20, "role", "replica", "primary", primary.toString(), "max_lag_seconds", 300);
    }

    ResourceReady provision(ResourceAddress address, Map<String, Object> spec) {
        return ready(provisionCommand("rollout-rds", address, spec));
    }

    ResourceFailed provisionFails(ResourceAddress address, Map<String, Object> spec) {
        return failed(provisionCommand("rollout-rds", address, spec));
    }

    ResourceDeleted delete(ResourceAddress address, int nth) {
        return deleted(deleteCommand("rollout-del", address), nth);
    }

    @Test
    void aPrimaryIsReadyWithItsEndpointAndItsPasswordIsInNoEventOrLog() throws Exception {
        ResourceAddress address = address("rds-instance", "orders-db");
        ResourceReady ready = provision(address, primarySpec("db.t3.micro"));

        RdsInstance db = instanceOf(address);
        assertEquals("available", db.status());
        assertEquals(db.arn(), ready.providerId());
        assertEquals(Map.of("host", db.endpointAddress(), "port", "5432"), ready.addresses());
        assertTrue(db.endpointAddress().endsWith(".ap-southeast-1.rds.amazonaws.com"), db.endpointAddress());
        assertEquals("db.t3.micro", ready.size());
        assertEquals("aws:rds:db.t3.micro:ap-southeast-1", ready.priceKey());
        assertTrue(db.identifier().matches("orders-db-[0-9a-f]{8}-[0-9a-f]{10}"), db.identifier());
        assertEquals("postgres", db.engine());
        assertTrue(db.engineVersion().startsWith("16."), db.engineVersion());
        assertEquals(20, db.allocatedStorage());
        assertEquals("provadmin", db.masterUsername());
        assertEquals(Map.of("prov:address", address.toString(), "prov:workspace", "shop.example",
                "Name", address.name(), "prov:role", "primary"), db.tags());
        assertNull(db.readReplicaSource());

        String password = db.masterUserPassword();
        assertTrue(password.matches("[A-Za-z0-9]{32}"), "a generated password of 32 letters and digits");
        SecretScan.assertAbsentFromRecords(kafka.recordsWithin(Topics.EVENTS, r -> true, Duration.ofSeconds(2)),
                password);
        SecretScan.assertAbsentFromLog(Path.of(logFile), List.of("creating RDS instance address=" + address),
                password);
    }

    @Test
    void aReplicaOfAnRdsPrimaryInTheVpcIsAReadReplicaAndEverythingIsDeletedAgain() {
        ResourceAddress vpc = address("vpc", "db-net");
        String vpcId = provision(vpc, Map.of("cidr_block", "10.8.0.0/16")).providerId();
        ResourceAddress primary = address("rds-instance", "main");
        Map<String, Object> primarySpec = new HashMap<>(primarySpec("db.t3.medium"));
        primarySpec.put("vpc", vpc.toString());
        provision(primary, primarySpec);
        ResourceAddress replica = new ResourceAddress("shop.example", "asia", "rds-instance", primary.name() + "-ro");
        Map<String, Object> replicaSpec = new HashMap<>(replicaSpec(primary));
        replicaSpec.put("vpc", vpc.toString());
        replicaSpec.put("instance_class", "db.t3.large");
        ResourceReady ready = provision(replica, replicaSpec);

        RdsInstance source = instanceOf(primary);
        RdsInstance copy = instanceOf(replica);
        assertEquals(source.identifier(), copy.readReplicaSource(), "made with CreateDBInstanceReadReplica");
        assertEquals(List.of(copy.identifier()), CloudSimTestResource.sim().state().rdsStore().replicasOf(source));
        assertEquals(source.masterUserPassword(), copy.masterUserPassword(), "a read replica shares its primary's");
        assertEquals("db.t3.large", ready.size());
        assertEquals(copy.arn(), ready.providerId());
        assertEquals("replica", copy.tags().get("prov:role"));
        assertEquals(primary.toString(), copy.tags().get("prov:replica-of"));
        assertEquals(source.subnetGroupName(), copy.subnetGroupName());
        assertTrue(sim().rdsSubnetGroups().stream().anyMatch(g -> g.name().equals(source.subnetGroupName())
                && g.vpcId().equals(vpcId)), "a DB subnet group over the VPC's subnets");
        assertFalse(copy.availabilityZone().equals(source.availabilityZone()), "the replica is in the other zone");

        assertEquals(copy.arn(), delete(replica, 1).providerId());
        assertEquals(source.arn(), delete(primary, 1).providerId());
        assertTrue(instancesOf(replica).isEmpty());
        assertTrue(instancesOf(primary).isEmpty());
        assertEquals(vpcId, delete(vpc, 1).providerId());
        assertTrue(sim().rdsSubnetGroups().stream().noneMatch(g -> g.name().equals(source.subnetGroupName())),
                "the VPC's DB subnet group goes with it");
    }

    @Test
    void aReplicaOfAPrimaryAtAnotherProviderIsAStandaloneInstanceTaggedAsItsReplica() {
        ResourceAddress external = new ResourceAddress("shop.example", "us-east", "database", "us-db-primary");
        ResourceAddress replica = address("rds-instance", "asia-db-replica");
        ResourceReady ready = provision(replica, replicaSpec(external));

        RdsInstance db = instanceOf(replica);
        assertNull(db.readReplicaSource(), "RDS cannot replicate from outside; db-replication-service attaches it");
        assertEquals("replica", db.tags().get("prov:role"));
        assertEquals(external.toString(), db.tags().get("prov:replica-of"));
        assertEquals("provadmin", db.masterUsername());
        assertEquals(db.arn(), ready.providerId());
        assertEquals("aws:rds:db.t3.medium:ap-southeast-1", ready.priceKey());
    }

    @Test
    void aReplicaOfAnRdsPrimaryOfTheSameRegionThatIsNotThereYetFailsRetryably() {
        ResourceAddress missing = address("rds-instance", "not-yet");
        ResourceFailed failed = provisionFails(address("rds-instance", "early-ro"), replicaSpec(missing));
        assertEquals("dependency_not_found", failed.errorCode());
        assertTrue(failed.retryable());
    }

    @Test
    void theSameCommandDeliveredTwiceMakesOneInstanceAndDeletingTwiceIsFine() {
        ResourceAddress address = address("rds-instance", "twice");
        ProvisionResource command = provisionCommand("rollout-rds", address, primarySpec("db.t3.small"));
        send(command);
        send(command);
        List<ResourceReady> readies = readies(address, 2);
        assertEquals(readies.get(0).providerId(), readies.get(1).providerId());
        String arn = instanceOf(address).arn();

        assertEquals(arn, delete(address, 1).providerId());
        assertTrue(instancesOf(address).isEmpty());
        assertNull(delete(address, 2).providerId(), "nothing left to delete is not an error");
    }

    @Test
    void anUnknownInstanceClassIsAPermanentFailureWithTheRdsCode() {
        ResourceAddress address = address("rds-instance", "huge");
        ResourceFailed failed = provisionFails(address, primarySpec("db.t3.gigantic"));

        assertEquals("InvalidParameterCombination", failed.errorCode());
        assertTrue(failed.message().contains("DBInstanceClass=db.t3.gigantic"), failed.message());
        assertFalse(failed.retryable());
        assertEquals(1, failed.attempts());
        assertTrue(instancesOf(address).isEmpty());
    }

    @Test
    void aSpecThatCannotBeCarriedOutIsRejectedBeforeAnyCall() {
        ResourceFailed noPrimary = provisionFails(address("rds-instance", "lonely"), Map.of("role", "replica"));
        assertEquals("invalid_spec", noPrimary.errorCode());
        assertTrue(noPrimary.message().startsWith("spec.primary is required"), noPrimary.message());

        ResourceFailed mysql = provisionFails(address("rds-instance", "mysql"), Map.of("engine", "mysql"));
        assertEquals("invalid_spec", mysql.errorCode());
        assertFalse(mysql.retryable());

        ResourceFailed badVpc = provisionFails(address("rds-instance", "badvpc"), Map.of("vpc",
                "shop.example/asia/alb/front"));
        assertEquals("invalid_spec", badVpc.errorCode());
    }

    @Test
    void throttlingIsRetriedUntilTheInstanceIsReady() {
        ResourceAddress address = address("rds-instance", "throttled");
        CloudSimTestResource.sim().faults().add(Fault.of("rds", null, null, 429, 2));

        ResourceReady ready = provision(address, primarySpec("db.t3.micro"));

        assertTrue(CloudSimTestResource.sim().faults().active().isEmpty(), "every injected fault was served");
        assertEquals(instanceOf(address).arn(), ready.providerId());
    }
}
