package dev.provisioning.cloudsim.aws.route53;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
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
import software.amazon.awssdk.services.route53.model.GeoLocation;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.Route53Exception;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.HealthCheckVersionMismatchException;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.ListHealthChecksResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;

/** Health checks, geolocation routing and TestDNSAnswer through the AWS SDK for Java v2. */
class Route53HealthCheckSdkTest {

    private static final String EU_RESOLVER = "192.0.2.53";
    private static final String NA_RESOLVER = "198.51.100.53";
    private static final String AS_RESOLVER = "203.0.113.53";
    private static final String US_IP = "198.51.100.10";
    private static final String EU_IP = "192.0.2.10";
    private static final String ASIA_IP = "203.0.113.10";

    private static CloudSim sim;
    private static Route53Client route53;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        // 1/1000 of real time: a 10 s × 3 health check turns unhealthy 30 ms after its target is marked down.
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withTimeScale(0.001));
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
        sim.reconfigure(c -> c.withTimeScale(0.001));
    }

    @Test
    void healthChecksAreCreatedReadListedCountedAndDeleted() {
        HealthCheck us = create("ref-us", https("us.api.example.com"));
        assertEquals("ref-us", us.callerReference());
        assertEquals(1L, us.healthCheckVersion());
        HealthCheckConfig config = us.healthCheckConfig();
        assertEquals(HealthCheckType.HTTPS, config.type());
        assertEquals("us.api.example.com", config.fullyQualifiedDomainName());
        assertEquals(443, config.port());
        assertEquals("/health", config.resourcePath());
        assertEquals(10, config.requestInterval());
        assertEquals(3, config.failureThreshold());
        HealthCheck defaults = create("ref-defaults", HealthCheckConfig.builder().type(HealthCheckType.HTTP)
                .ipAddress(EU_IP).build());
        assertEquals(80, defaults.healthCheckConfig().port());
        assertEquals(30, defaults.healthCheckConfig().requestInterval());
        assertEquals(3, defaults.healthCheckConfig().failureThreshold());
        create("ref-asia", https("asia.api.example.com"));

        assertEquals(us, route53.getHealthCheck(r -> r.healthCheckId(us.id())).healthCheck());
        assertEquals(3L, route53.getHealthCheckCount(r -> { }).healthCheckCount());

        ListHealthChecksResponse first = route53.listHealthChecks(r -> r.maxItems("2"));
        assertTrue(first.isTruncated());
        assertEquals(2, first.healthChecks().size());
        ListHealthChecksResponse second = route53.listHealthChecks(r -> r.maxItems("2").marker(first.nextMarker()));
        assertFalse(second.isTruncated());
        assertNull(second.nextMarker());
        assertEquals(1, second.healthChecks().size());
        assertEquals(3, route53.listHealthChecksPaginator(r -> r.maxItems("1")).healthChecks().stream().count());

        route53.deleteHealthCheck(r -> r.healthCheckId(us.id()));
        assertEquals(2L, route53.getHealthCheckCount(r -> { }).healthCheckCount());
        assertThrows(NoSuchHealthCheckException.class, () -> route53.getHealthCheck(r -> r.healthCheckId(us.id())));
        assertThrows(NoSuchHealthCheckException.class, () -> route53.deleteHealthCheck(r -> r.healthCheckId(us.id())));
    }

    @Test
    void theCallerReferenceMakesCreationIdempotent() {
        HealthCheck first = create("ref-1", https("eu.api.example.com"));
        HealthCheck again = create("ref-1", https("eu.api.example.com"));
        assertEquals(first.id(), again.id(), "same reference and settings: the same check");
        assertEquals(1L, route53.getHealthCheckCount(r -> { }).healthCheckCount());

        HealthCheckConfig otherPort = https("eu.api.example.com").toBuilder().port(8443).build();
        assertThrows(HealthCheckAlreadyExistsException.class, () -> create("ref-1", otherPort));

        route53.deleteHealthCheck(r -> r.healthCheckId(first.id()));
        assertThrows(HealthCheckAlreadyExistsException.class, () -> create("ref-1", https("eu.api.example.com")),
                "the reference of a deleted check stays used");
        assertNotEquals(first.id(), create("ref-2", https("eu.api.example.com")).id());
    }

    @Test
    void updatesBumpTheVersionAndCheckIt() {
        HealthCheck check = create("ref-update", https("us.api.example.com"));
        HealthCheck updated = route53.updateHealthCheck(r -> r.healthCheckId(check.id()).healthCheckVersion(1L)
                .port(8443).resourcePath("/ready").failureThreshold(5)).healthCheck();
        assertEquals(2L, updated.healthCheckVersion());
        assertEquals(8443, updated.healthCheckConfig().port());
        assertEquals("/ready", updated.healthCheckConfig().resourcePath());
        assertEquals(5, updated.healthCheckConfig().failureThreshold());
        assertEquals("us.api.example.com", updated.healthCheckConfig().fullyQualifiedDomainName());
        assertThrows(HealthCheckVersionMismatchException.class, () -> route53.updateHealthCheck(r -> r
                .healthCheckId(check.id()).healthCheckVersion(1L).port(443)));
        assertThrows(InvalidInputException.class, () -> create("ref-bad", https("x.example.com").toBuilder()
                .requestInterval(20).build()));
        assertThrows(InvalidInputException.class, () -> create("ref-bad", https("x.example.com").toBuilder()
                .failureThreshold(11).build()));
    }

    @Test
    void theStatusFlipsAfterIntervalTimesThresholdOnceTheTargetIsMarkedDown() throws Exception {
        HealthCheck eu = create("ref-eu", https("eu.api.example.com"));
        HealthCheck us = create("ref-us", https("us.api.example.com"));
        HealthCheck byIp = create("ref-ip", HealthCheckConfig.builder().type(HealthCheckType.TCP).ipAddress(ASIA_IP)
                .port(5432).build());
        List<HealthCheckObservation> observations = observations(eu.id());
        assertTrue(observations.size() >= 3, "observations from several checker regions");
        assertTrue(observations.stream().allMatch(o -> o.statusReport().status()
                .equals("Success: HTTP Status Code 200, OK")), observations.toString());
        assertTrue(observations.stream().allMatch(o -> o.region() != null && o.ipAddress() != null
                && o.statusReport().checkedTime() != null));

        // At real speed the 10 s × 3 check is still healthy right after its target goes down.
        sim.reconfigure(c -> c.withTimeScale(1.0));
        assertEquals(200, mark("{\"target\":\"EU.api.example.com.\",\"healthy\":false}").statusCode());
        assertTrue(healthy(eu.id()), "not unhealthy before 3 failed checks");
        sim.reconfigure(c -> c.withTimeScale(0.001));
        awaitTrue(() -> !healthy(eu.id()));
        assertTrue(observations(eu.id()).get(0).statusReport().status().startsWith("Failure: "));
        assertTrue(healthy(us.id()), "other targets are unaffected");

        mark("{\"target\":\"" + ASIA_IP + "\",\"healthy\":false}");
        awaitTrue(() -> !healthy(byIp.id()));

        mark("{\"targetPrefix\":\"us.\",\"healthy\":false}");
        awaitTrue(() -> !healthy(us.id()));

        mark("{\"target\":\"eu.api.example.com\",\"healthy\":true}");
        awaitTrue(() -> healthy(eu.id()));
        assertEquals(204, http.send("DELETE", "/_sim/health", null).statusCode());
        assertTrue(healthy(us.id()) && healthy(byIp.id()));
        assertEquals(400, mark("{\"healthy\":false}").statusCode());
        assertEquals(400, mark("{\"target\":\"x\",\"healthy\":\"no\"}").statusCode());
    }

    @Test
    void geolocationAnswersFollowTheResolverAndFailOverToTheDefaultLocation() throws Exception {
        String zoneId = route53.createHostedZone(r -> r.name("api.example.com").callerReference(uuid()))
                .hostedZone().id();
        HealthCheck us = create("ref-us", https("us.api.example.com"));
        HealthCheck eu = create("ref-eu", https("eu.api.example.com"));
        HealthCheck asia = create("ref-asia", https("asia.api.example.com"));
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                upsert(geo("us-east", GeoLocation.builder().countryCode("*").build(), us.id(), US_IP)),
                upsert(geo("us-east-na", GeoLocation.builder().continentCode("NA").build(), us.id(), US_IP)),
                upsert(geo("eu-central", GeoLocation.builder().continentCode("EU").build(), eu.id(), EU_IP)),
                upsert(geo("asia-southeast", GeoLocation.builder().continentCode("AS").build(), asia.id(), ASIA_IP)))));
        List<ResourceRecordSet> apex = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .startRecordName("api.example.com").startRecordType(RRType.A)).resourceRecordSets().stream()
                .filter(s -> s.type() == RRType.A).toList();
        assertEquals(4, apex.size());
        assertTrue(apex.stream().allMatch(s -> s.healthCheckId() != null && s.geoLocation() != null));

        TestDnsAnswerResponse euAnswer = answer(zoneId, EU_RESOLVER, null);
        assertEquals(List.of(EU_IP), euAnswer.recordData());
        assertEquals("NOERROR", euAnswer.responseCode());
        assertEquals("UDP", euAnswer.protocol());
        assertEquals("api.example.com.", euAnswer.recordName());
        assertEquals(RRType.A, euAnswer.recordType());
        assertTrue(euAnswer.nameserver().startsWith("ns-"));
        assertEquals(List.of(US_IP), answer(zoneId, NA_RESOLVER, null).recordData());
        assertEquals(List.of(ASIA_IP), answer(zoneId, AS_RESOLVER, null).recordData());
        assertEquals(List.of(ASIA_IP), answer(zoneId, EU_RESOLVER, "203.0.113.77").recordData(),
                "the client subnet wins over the resolver's own address");
        assertEquals(List.of(US_IP), answer(zoneId, "10.1.2.3", null).recordData(), "unknown places get the default");

        mark("{\"target\":\"eu.api.example.com\",\"healthy\":false}");
        awaitTrue(() -> answer(zoneId, EU_RESOLVER, null).recordData().equals(List.of(US_IP)));
        assertEquals(List.of(ASIA_IP), answer(zoneId, AS_RESOLVER, null).recordData());

        mark("{\"target\":\"eu.api.example.com\",\"healthy\":true}");
        awaitTrue(() -> answer(zoneId, EU_RESOLVER, null).recordData().equals(List.of(EU_IP)));

        TestDnsAnswerResponse missing = route53.testDNSAnswer(r -> r.hostedZoneId(zoneId)
                .recordName("nothing.api.example.com").recordType(RRType.A).resolverIP(EU_RESOLVER));
        assertEquals("NXDOMAIN", missing.responseCode());
        assertTrue(missing.recordData().isEmpty());

        Route53Exception inUse = assertThrows(Route53Exception.class,
                () -> route53.deleteHealthCheck(r -> r.healthCheckId(eu.id())));
        assertEquals("HealthCheckInUse", inUse.awsErrorDetails().errorCode());
        assertEquals(400, inUse.statusCode());
    }

    @Test
    void routingRulesAreEnforcedAsRoute53Does() {
        String zoneId = route53.createHostedZone(r -> r.name("example.com").callerReference(uuid())).hostedZone().id();
        HealthCheck check = create("ref-rules", https("eu.example.com"));
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                upsert(a("www.example.com", US_IP)))));

        InvalidChangeBatchException mixed = assertThrows(InvalidChangeBatchException.class, () -> route53
                .changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(
                        a("www.example.com", EU_IP).toBuilder().setIdentifier("eu")
                                .geoLocation(GeoLocation.builder().continentCode("EU").build()).build())))));
        assertTrue(mixed.getMessage().contains("non-routed"), mixed.getMessage());

        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                upsert(a("geo.example.com", EU_IP).toBuilder().setIdentifier("eu")
                        .geoLocation(GeoLocation.builder().continentCode("EU").build()).build()))));
        assertThrows(InvalidChangeBatchException.class, () -> route53.changeResourceRecordSets(r -> r
                .hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(a("geo.example.com", US_IP).toBuilder()
                        .setIdentifier("eu-again").geoLocation(GeoLocation.builder().continentCode("EU").build())
                        .build())))), "two record sets for one location");
        assertThrows(InvalidChangeBatchException.class, () -> route53.changeResourceRecordSets(r -> r
                .hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(a("geo.example.com", US_IP).toBuilder()
                        .setIdentifier("weighted").weight(10L).build())))), "mixed routing policies");
        assertThrows(InvalidChangeBatchException.class, () -> route53.changeResourceRecordSets(r -> r
                .hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(a("geo.example.com", US_IP))))),
                "a simple record beside routed ones");
        assertThrows(InvalidInputException.class, () -> route53.changeResourceRecordSets(r -> r
                .hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(a("nosetid.example.com", US_IP).toBuilder()
                        .geoLocation(GeoLocation.builder().continentCode("EU").build()).build())))),
                "a routing policy needs a SetIdentifier");
        assertThrows(InvalidInputException.class, () -> route53.changeResourceRecordSets(r -> r
                .hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(a("bad.example.com", US_IP).toBuilder()
                        .setIdentifier("x").geoLocation(GeoLocation.builder().continentCode("XX").build()).build())))));
        assertThrows(InvalidInputException.class, () -> route53.changeResourceRecordSets(r -> r
                .hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(a("bad.example.com", US_IP).toBuilder()
                        .setIdentifier("x").failover("PRIMARY").weight(1L).build())))));
        assertThrows(NoSuchHealthCheckException.class, () -> route53.changeResourceRecordSets(r -> r
                .hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(a("hc.example.com", US_IP).toBuilder()
                        .healthCheckId(UUID.randomUUID().toString()).build())))));

        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                upsert(a("db.example.com", US_IP).toBuilder().setIdentifier("primary").failover("PRIMARY")
                        .healthCheckId(check.id()).build()),
                upsert(a("db.example.com", EU_IP).toBuilder().setIdentifier("secondary").failover("SECONDARY")
                        .build()))));
        assertEquals(List.of(US_IP), route53.testDNSAnswer(r -> r.hostedZoneId(zoneId).recordName("db.example.com")
                .recordType(RRType.A)).recordData());
        // Replacing the simple record by routed ones in one batch is fine: the batch is judged as a whole.
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                Change.builder().action(ChangeAction.DELETE).resourceRecordSet(a("www.example.com", US_IP)).build(),
                upsert(a("www.example.com", EU_IP).toBuilder().setIdentifier("eu")
                        .geoLocation(GeoLocation.builder().continentCode("EU").build()).build()))));
    }

    private static HealthCheck create(String callerReference, HealthCheckConfig config) {
        return route53.createHealthCheck(r -> r.callerReference(callerReference).healthCheckConfig(config))
                .healthCheck();
    }

    private static HealthCheckConfig https(String fqdn) {
        return HealthCheckConfig.builder().type(HealthCheckType.HTTPS).fullyQualifiedDomainName(fqdn).port(443)
                .resourcePath("/health").requestInterval(10).failureThreshold(3).build();
    }

    private static List<HealthCheckObservation> observations(String id) {
        return route53.getHealthCheckStatus(r -> r.healthCheckId(id)).healthCheckObservations();
    }

    private static boolean healthy(String id) {
        return observations(id).stream().allMatch(o -> o.statusReport().status().startsWith("Success"));
    }

    private static HttpResponse<String> mark(String json) {
        return http.postJson("/_sim/health", json);
    }

    private static TestDnsAnswerResponse answer(String zoneId, String resolver, String clientSubnet) {
        return route53.testDNSAnswer(r -> r.hostedZoneId(zoneId).recordName("api.example.com").recordType(RRType.A)
                .resolverIP(resolver).edns0ClientSubnetIP(clientSubnet));
    }

    private static ResourceRecordSet geo(String setId, GeoLocation location, String healthCheckId, String ip) {
        return a("api.example.com", ip).toBuilder().setIdentifier(setId).geoLocation(location)
                .healthCheckId(healthCheckId).build();
    }

    private static ResourceRecordSet a(String name, String... values) {
        return ResourceRecordSet.builder().name(name).type(RRType.A).ttl(60L)
                .resourceRecords(Arrays.stream(values).map(v -> ResourceRecord.builder().value(v).build()).toList())
                .build();
    }

    private static Change upsert(ResourceRecordSet set) {
        return Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(set).build();
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(20);
        }
    }
}
