package dev.provisioning.cloudsim.aws.route53;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.fault.Fault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.GeoLocation;
import software.amazon.awssdk.services.route53.model.HostedZoneAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.HostedZoneNotEmptyException;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/** Route53 emulation exercised through the AWS SDK for Java v2 with only the endpoint overridden. */
class Route53SdkTest {

    private static CloudSim sim;
    private static Route53Client route53;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0));
        route53 = Route53Client.builder()
                .endpointOverride(URI.create(sim.url()))
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        http = new RawHttp(sim);
    }

    @AfterAll
    static void stop() {
        route53.close();
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.reset();
    }

    @Test
    void createsZoneWithDelegationSetAndApexRecords() {
        CreateHostedZoneResponse created = createZone("Example.COM");

        assertEquals("example.com.", created.hostedZone().name());
        assertTrue(created.hostedZone().id().contains("Z"), created.hostedZone().id());
        assertEquals(2L, created.hostedZone().resourceRecordSetCount());
        assertEquals(ChangeStatus.PENDING, created.changeInfo().status());
        assertEquals(4, created.delegationSet().nameServers().size());
        assertTrue(created.location().endsWith(bare(created.hostedZone().id())), created.location());

        List<ResourceRecordSet> apex = route53.listResourceRecordSets(r -> r.hostedZoneId(created.hostedZone().id()))
                .resourceRecordSets();
        assertEquals(List.of(RRType.NS, RRType.SOA), apex.stream().map(ResourceRecordSet::type).toList());
        assertEquals(1, sim.state().hostedZonesNamed("example.com").size());
    }

    @Test
    void sameCallerReferenceIsRejected() {
        route53.createHostedZone(r -> r.name("example.com").callerReference("ref-1"));

        HostedZoneAlreadyExistsException error = assertThrows(HostedZoneAlreadyExistsException.class,
                () -> route53.createHostedZone(r -> r.name("example.com").callerReference("ref-1")));

        assertEquals(409, error.statusCode());
        assertEquals(1, sim.state().hostedZones().size());
    }

    @Test
    void createThenUpsertRecordAndChangeGoesInSync() throws Exception {
        String zoneId = createZone("example.com").hostedZone().id();

        ChangeResourceRecordSetsResponse createdChange = change(zoneId,
                Change.builder().action(ChangeAction.CREATE).resourceRecordSet(a("www.example.com", 60, "198.51.100.7")).build());
        assertEquals(ChangeStatus.PENDING, createdChange.changeInfo().status());

        change(zoneId, Change.builder().action(ChangeAction.UPSERT)
                .resourceRecordSet(a("WWW.example.com.", 300, "198.51.100.8", "198.51.100.9")).build());

        ResourceRecordSet www = record(zoneId, "www.example.com.", RRType.A);
        assertEquals(300L, www.ttl());
        assertEquals(List.of("198.51.100.8", "198.51.100.9"), www.resourceRecords().stream().map(ResourceRecord::value).toList());
        assertEquals(3L, route53.getHostedZone(r -> r.id(zoneId)).hostedZone().resourceRecordSetCount());
        assertEquals(1, sim.state().records(zoneId, "www.example.com", "A").size());

        String changeId = createdChange.changeInfo().id();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (route53.getChange(r -> r.id(changeId)).changeInfo().status() != ChangeStatus.INSYNC) {
            assertTrue(System.nanoTime() < deadline, "change never went INSYNC");
            Thread.sleep(20);
        }
    }

    @Test
    void invalidBatchChangesNothing() {
        String zoneId = createZone("example.com").hostedZone().id();
        change(zoneId, Change.builder().action(ChangeAction.CREATE).resourceRecordSet(a("www.example.com", 60, "198.51.100.7")).build());

        InvalidChangeBatchException duplicate = assertThrows(InvalidChangeBatchException.class, () -> change(zoneId,
                Change.builder().action(ChangeAction.CREATE).resourceRecordSet(a("api.example.com", 60, "198.51.100.10")).build(),
                Change.builder().action(ChangeAction.CREATE).resourceRecordSet(a("www.example.com", 60, "198.51.100.11")).build()));
        assertEquals(400, duplicate.statusCode());
        assertTrue(duplicate.getMessage().contains("already exists"), duplicate.getMessage());

        assertThrows(InvalidChangeBatchException.class, () -> change(zoneId,
                Change.builder().action(ChangeAction.DELETE).resourceRecordSet(a("www.example.com", 60, "203.0.113.1")).build()));
        assertThrows(InvalidChangeBatchException.class, () -> change(zoneId,
                Change.builder().action(ChangeAction.DELETE).resourceRecordSet(a("nope.example.com", 60, "203.0.113.1")).build()));
        assertThrows(InvalidChangeBatchException.class, () -> change(zoneId,
                Change.builder().action(ChangeAction.CREATE).resourceRecordSet(a("bad.example.com", 60, "300.1.1.1")).build()));

        List<ResourceRecordSet> records = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets();
        assertEquals(List.of("example.com.", "example.com.", "www.example.com."),
                records.stream().map(ResourceRecordSet::name).toList());
        assertEquals("198.51.100.7", record(zoneId, "www.example.com.", RRType.A).resourceRecords().get(0).value());
    }

    @Test
    void deleteWithExactValuesRemovesRecord() {
        String zoneId = createZone("example.com").hostedZone().id();
        change(zoneId, Change.builder().action(ChangeAction.CREATE)
                .resourceRecordSet(txt("_acme.example.com", "\"token\"")).build());

        change(zoneId, Change.builder().action(ChangeAction.DELETE)
                .resourceRecordSet(txt("_acme.example.com", "\"token\"")).build());

        assertTrue(sim.state().records(zoneId, "_acme.example.com", "TXT").isEmpty());
    }

    @Test
    void routingFieldsAreKept() {
        String zoneId = createZone("example.com").hostedZone().id();
        String healthCheckId = route53.createHealthCheck(r -> r.callerReference("routing-fields")
                .healthCheckConfig(c -> c.type("HTTP").ipAddress("198.51.100.20"))).healthCheck().id();
        ResourceRecordSet weighted = a("app.example.com", 30, "198.51.100.20").toBuilder()
                .setIdentifier("do-fra1").weight(70L).healthCheckId(healthCheckId).build();
        ResourceRecordSet failover = a("db.example.com", 30, "198.51.100.21").toBuilder()
                .setIdentifier("primary").failover("PRIMARY").build();
        ResourceRecordSet geo = a("geo.example.com", 30, "198.51.100.22").toBuilder()
                .setIdentifier("europe").geoLocation(GeoLocation.builder().continentCode("EU").build()).build();
        change(zoneId,
                Change.builder().action(ChangeAction.CREATE).resourceRecordSet(weighted).build(),
                Change.builder().action(ChangeAction.CREATE).resourceRecordSet(failover).build(),
                Change.builder().action(ChangeAction.CREATE).resourceRecordSet(geo).build());

        ResourceRecordSet listed = record(zoneId, "app.example.com.", RRType.A);
        assertEquals("do-fra1", listed.setIdentifier());
        assertEquals(70L, listed.weight());
        assertEquals(healthCheckId, listed.healthCheckId());
        assertEquals("PRIMARY", record(zoneId, "db.example.com.", RRType.A).failoverAsString());
        assertEquals("EU", record(zoneId, "geo.example.com.", RRType.A).geoLocation().continentCode());
    }

    @Test
    void recordListingPaginatesWithNextRecordName() {
        String zoneId = createZone("example.com").hostedZone().id();
        for (int i = 0; i < 5; i++) {
            change(zoneId, Change.builder().action(ChangeAction.CREATE)
                    .resourceRecordSet(a("host" + i + ".example.com", 60, "198.51.100." + (30 + i))).build());
        }

        List<String> seen = new ArrayList<>();
        ListResourceRecordSetsRequest request = ListResourceRecordSetsRequest.builder().hostedZoneId(zoneId).maxItems("2").build();
        int pages = 0;
        while (true) {
            ListResourceRecordSetsResponse page = route53.listResourceRecordSets(request);
            pages++;
            page.resourceRecordSets().forEach(r -> seen.add(r.name() + " " + r.typeAsString()));
            if (!page.isTruncated()) {
                assertNull(page.nextRecordName());
                break;
            }
            request = request.toBuilder().startRecordName(page.nextRecordName()).startRecordType(page.nextRecordType()).build();
        }

        assertEquals(4, pages);
        assertEquals(7, seen.size());
        assertEquals("host0.example.com. A", seen.get(2));
    }

    @Test
    void zoneListingsPaginate() {
        createZone("b.example");
        createZone("a.example");
        createZone("c.example");

        ListHostedZonesResponse first = route53.listHostedZones(r -> r.maxItems("2"));
        assertTrue(first.isTruncated());
        assertEquals(2, first.hostedZones().size());
        ListHostedZonesResponse second = route53.listHostedZones(r -> r.maxItems("2").marker(first.nextMarker()));
        assertFalse(second.isTruncated());
        assertNull(second.nextMarker());
        assertEquals(1, second.hostedZones().size());

        assertEquals(List.of("a.example.", "b.example.", "c.example."), route53.listHostedZonesByName(r -> r.maxItems("5"))
                .hostedZones().stream().map(z -> z.name()).toList());
        assertEquals("b.example.", route53.listHostedZonesByName(r -> r.dnsName("b.example")).hostedZones().get(0).name());
    }

    @Test
    void unknownZoneMapsToNoSuchHostedZone() {
        assertThrows(NoSuchHostedZoneException.class, () -> route53.getHostedZone(r -> r.id("Z0000000NOTHERE")));
        NoSuchHostedZoneException error = assertThrows(NoSuchHostedZoneException.class,
                () -> change("/hostedzone/Z0000000NOTHERE",
                        Change.builder().action(ChangeAction.CREATE).resourceRecordSet(a("x.example.com", 60, "198.51.100.1")).build()));
        assertEquals(404, error.statusCode());
        assertEquals("NoSuchHostedZone", error.awsErrorDetails().errorCode());
    }

    @Test
    void zoneWithRecordsCannotBeDeleted() {
        String zoneId = createZone("example.com").hostedZone().id();
        ResourceRecordSet www = a("www.example.com", 60, "198.51.100.7");
        change(zoneId, Change.builder().action(ChangeAction.CREATE).resourceRecordSet(www).build());

        assertThrows(HostedZoneNotEmptyException.class, () -> route53.deleteHostedZone(r -> r.id(zoneId)));

        change(zoneId, Change.builder().action(ChangeAction.DELETE).resourceRecordSet(www).build());
        route53.deleteHostedZone(r -> r.id(zoneId));
        assertTrue(sim.state().hostedZones().isEmpty());
    }

    @Test
    void unsignedRequestsAreRejected() {
        HttpResponse<String> response = http.get("/2013-04-01/hostedzone");

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("<Code>MissingAuthenticationToken</Code>"), response.body());
        assertTrue(response.body().contains("xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\""));
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());

        HttpResponse<String> incomplete = http.get("/2013-04-01/hostedzone",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1/route53/aws4_request");
        assertEquals(403, incomplete.statusCode());
        assertTrue(incomplete.body().contains("<Code>IncompleteSignature</Code>"), incomplete.body());
    }

    @Test
    void injectedThrottlingSurfacesAsThrottlingError() {
        sim.faults().add(Fault.of("route53", "/2013-04-01/hostedzone", "GET", 429, 1));

        Route53Exception throttled = assertThrows(Route53Exception.class, () -> route53.listHostedZones());
        assertEquals(429, throttled.statusCode());
        assertEquals("Throttling", throttled.awsErrorDetails().errorCode());

        assertTrue(route53.listHostedZones().hostedZones().isEmpty());
    }

    private static CreateHostedZoneResponse createZone(String name) {
        return route53.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString()));
    }

    private static ChangeResourceRecordSetsResponse change(String zoneId, Change... changes) {
        return route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .changeBatch(b -> b.comment("test").changes(changes)));
    }

    private static ResourceRecordSet record(String zoneId, String name, RRType type) {
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName(name).startRecordType(type)
                        .maxItems("1"))
                .resourceRecordSets().get(0);
    }

    private static ResourceRecordSet a(String name, long ttl, String... values) {
        return ResourceRecordSet.builder().name(name).type(RRType.A).ttl(ttl)
                .resourceRecords(java.util.Arrays.stream(values).map(v -> ResourceRecord.builder().value(v).build()).toList())
                .build();
    }

    private static ResourceRecordSet txt(String name, String value) {
        return ResourceRecordSet.builder().name(name).type(RRType.TXT).ttl(60L)
                .resourceRecords(ResourceRecord.builder().value(value).build()).build();
    }

    private static String bare(String zoneId) {
        return zoneId.substring(zoneId.lastIndexOf('/') + 1);
    }
}
