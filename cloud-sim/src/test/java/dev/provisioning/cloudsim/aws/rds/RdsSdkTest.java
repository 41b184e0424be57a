package dev.provisioning.cloudsim.aws.rds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.DbInstanceAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupDoesNotCoverEnoughAZsException;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

/** RDS emulation exercised through the AWS SDK for Java v2 {@code RdsClient}, on top of EC2 subnets. */
class RdsSdkTest {

    static CloudSim sim;
    RdsClient rds;
    Ec2Client ec2;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withRdsDelay(Duration.ofMillis(150)));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clients() {
        sim.reset();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
        rds = RdsClient.builder().endpointOverride(URI.create(sim.url())).region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        ec2 = Ec2Client.builder().endpointOverride(URI.create(sim.url())).region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void close() {
        rds.close();
        ec2.close();
    }

    DBInstance createPrimary(String identifier, String subnetGroup) {
        return rds.createDBInstance(r -> r.dbInstanceIdentifier(identifier).dbInstanceClass("db.t3.medium")
                .engine("postgres").engineVersion("16").allocatedStorage(20).masterUsername("provadmin")
                .masterUserPassword("Sdk0test0password").dbSubnetGroupName(subnetGroup)
                .tags(Tag.builder().key("prov:address").value("shop/asia/rds-instance/" + identifier).build()))
                .dbInstance();
    }

    DBInstance awaitAvailable(String identifier) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            DBInstance db = rds.describeDBInstances(r -> r.dbInstanceIdentifier(identifier)).dbInstances().get(0);
            if (db.dbInstanceStatus().equals("available")) {
                return db;
            }
            assertTrue(System.nanoTime() < deadline, identifier + " is still " + db.dbInstanceStatus());
            sleep(25);
        }
    }

    @Test
    void aPrimaryInASubnetGroupBecomesAvailableAndGetsAReadReplica() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        List<String> subnets = List.of(
                ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.0.0/24").availabilityZone("ap-southeast-1a"))
                        .subnet().subnetId(),
                ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.1.0/24").availabilityZone("ap-southeast-1b"))
                        .subnet().subnetId());
        assertThrows(DbSubnetGroupDoesNotCoverEnoughAZsException.class, () -> rds.createDBSubnetGroup(r -> r
                .dbSubnetGroupName("one").dbSubnetGroupDescription("one zone").subnetIds(subnets.get(0))));
        DBSubnetGroup group = rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("Shop-DB")
                .dbSubnetGroupDescription("shop databases").subnetIds(subnets)).dbSubnetGroup();
        assertEquals("shop-db", group.dbSubnetGroupName());
        assertEquals(vpcId, group.vpcId());
        assertEquals(subnets, group.subnets().stream().map(s -> s.subnetIdentifier()).toList());
        assertEquals("ap-southeast-1b", group.subnets().get(1).subnetAvailabilityZone().name());

        DBInstance created = createPrimary("orders", "shop-db");
        assertEquals("creating", created.dbInstanceStatus());
        assertNull(created.endpoint());
        assertEquals("arn:aws:rds:ap-southeast-1:000000000000:db:orders", created.dbInstanceArn());
        assertEquals("16.8", created.engineVersion());

        DBInstance primary = awaitAvailable("orders");
        assertTrue(primary.endpoint().address().startsWith("orders.c"), primary.endpoint().address());
        assertTrue(primary.endpoint().address().endsWith(".ap-southeast-1.rds.amazonaws.com"));
        assertEquals(5432, primary.endpoint().port());
        assertTrue(primary.endpoint().hostedZoneId().startsWith("Z"));
        assertEquals("provadmin", primary.masterUsername());
        assertEquals(20, primary.allocatedStorage());
        assertEquals("shop-db", primary.dbSubnetGroup().dbSubnetGroupName());
        assertEquals("ap-southeast-1a", primary.availabilityZone());
        assertEquals(Map.of("prov:address", "shop/asia/rds-instance/orders"), primary.tagList().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value)));

        DBInstance replica = rds.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("orders-ro")
                .sourceDBInstanceIdentifier("orders").dbInstanceClass("db.t3.large")
                .tags(Tag.builder().key("prov:role").value("replica").build())).dbInstance();
        assertEquals("orders", replica.readReplicaSourceDBInstanceIdentifier());
        assertEquals("db.t3.large", replica.dbInstanceClass());
        assertEquals("ap-southeast-1b", replica.availabilityZone());
        assertEquals(List.of("orders-ro"), rds.describeDBInstances(r -> r.dbInstanceIdentifier("orders"))
                .dbInstances().get(0).readReplicaDBInstanceIdentifiers());
        awaitAvailable("orders-ro");

        assertThrows(InvalidDbInstanceStateException.class, () -> rds.promoteReadReplica(r -> r
                .dbInstanceIdentifier("orders")));
        assertEquals("modifying", rds.promoteReadReplica(r -> r.dbInstanceIdentifier("orders-ro")).dbInstance()
                .dbInstanceStatus());
        assertNull(awaitAvailable("orders-ro").readReplicaSourceDBInstanceIdentifier());
    }

    @Test
    void replicasOfUnknownSourcesAndDuplicatesAreRefusedWithTheirOwnExceptions() {
        assertThrows(DbInstanceNotFoundException.class, () -> rds.createDBInstanceReadReplica(r -> r
                .dbInstanceIdentifier("copy").sourceDBInstanceIdentifier("nowhere")));
        assertThrows(DbInstanceNotFoundException.class, () -> rds.describeDBInstances(r -> r
                .dbInstanceIdentifier("nowhere")));
        createPrimary("orders", null);
        assertThrows(DbInstanceAlreadyExistsException.class, () -> createPrimary("orders", null));

        RdsException badClass = assertThrows(RdsException.class, () -> rds.createDBInstance(r -> r
                .dbInstanceIdentifier("big").dbInstanceClass("db.t3.gigantic").engine("postgres").allocatedStorage(20)
                .masterUsername("provadmin").masterUserPassword("Sdk0test0password")));
        assertEquals("InvalidParameterCombination", badClass.awsErrorDetails().errorCode());
        assertTrue(badClass.awsErrorDetails().errorMessage().contains("db.t3.gigantic"));
        assertEquals(400, badClass.statusCode());
    }

    @Test
    void describeFiltersAndPagesWithMarkers() {
        for (int i = 0; i < 25; i++) {
            createPrimary(String.format("db-%02d", i), null);
        }
        List<String> pages = rds.describeDBInstancesPaginator(r -> r.maxRecords(20)).stream()
                .map(page -> page.dbInstances().size() + (page.marker() == null ? "" : "+")).toList();
        assertEquals(List.of("20+", "5"), pages);
        List<String> all = rds.describeDBInstancesPaginator(r -> r.maxRecords(20)).dbInstances().stream()
                .map(DBInstance::dbInstanceIdentifier).toList();
        assertEquals(25, all.size());
        assertEquals("db-00", all.get(0));
        assertEquals("db-24", all.get(24));

        List<DBInstance> filtered = rds.describeDBInstances(r -> r.filters(Filter.builder().name("db-instance-id")
                .values("db-03", "arn:aws:rds:ap-southeast-1:000000000000:db:db-07").build())).dbInstances();
        assertEquals(List.of("db-03", "db-07"), filtered.stream().map(DBInstance::dbInstanceIdentifier).toList());
        RdsException tooMany = assertThrows(RdsException.class, () -> rds.describeDBInstances(r -> r.maxRecords(5)));
        assertEquals("InvalidParameterValue", tooMany.awsErrorDetails().errorCode());
    }

    @Test
    void deleteAndTagsByArn() {
        String arn = createPrimary("orders", null).dbInstanceArn();
        rds.addTagsToResource(r -> r.resourceName(arn).tags(Tag.builder().key("team").value("payments").build()));
        assertEquals(List.of("prov:address", "team"), rds.listTagsForResource(r -> r.resourceName(arn)).tagList()
                .stream().map(Tag::key).toList());

        RdsException noSnapshotChoice = assertThrows(RdsException.class, () -> rds.deleteDBInstance(r -> r
                .dbInstanceIdentifier("orders")));
        assertEquals("InvalidParameterCombination", noSnapshotChoice.awsErrorDetails().errorCode());
        assertEquals("deleting", rds.deleteDBInstance(r -> r.dbInstanceIdentifier("orders").skipFinalSnapshot(true))
                .dbInstance().dbInstanceStatus());
        assertThrows(InvalidDbInstanceStateException.class, () -> rds.deleteDBInstance(r -> r
                .dbInstanceIdentifier("orders").skipFinalSnapshot(true)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!rds.describeDBInstances().dbInstances().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the instance is gone after the delay");
            sleep(25);
        }
        assertThrows(DbInstanceNotFoundException.class, () -> rds.listTagsForResource(r -> r.resourceName(arn)));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
