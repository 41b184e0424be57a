package dev.provisioning.dnsservice;

import static dev.provisioning.dnsservice.ResourceEvents.awaitSynced;
import static dev.provisioning.dnsservice.ResourceEvents.droplet;
import static dev.provisioning.dnsservice.ResourceEvents.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.state.HealthCheck;
import dev.provisioning.cloudsim.state.HostedZone;
import dev.provisioning.cloudsim.state.ResourceRecordSet;
import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import dev.provisioning.dnsservice.service.DriftRepair;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "dnsservice"))
@WithTestResource(CloudSimTestResource.class)
class GeoRoutingTest {

    private static final String US_IP = "198.51.100.71";
    private static final String EU_IP = "192.0.2.71";
    private static final String ASIA_IP = "203.0.113.71";
    /** Resolvers in TEST-NET-1 are in Europe for cloud-sim's TestDNSAnswer. */
    private static final String EU_RESOLVER = "192.0.2.53";

    @Inject
    DriftRepair driftRepair;

    @AfterEach
    void restoreTheSimulator() throws Exception {
        control("DELETE", "/_sim/health", null);
        CloudSimTestResource.sim().reconfigure(c -> c.withTimeScale(1.0));
    }

    @Test
    void threeRegionsGetHealthChecksRegionalRecordsAndGeolocationApexThatFailsOver() throws Exception {
        // A 10 s × 2 health check turns unhealthy 20 ms after its target is marked down.
        CloudSimTestResource.sim().reconfigure(c -> c.withTimeScale(0.001));
        String workspace = "geo-" + UUID.randomUUID().toString().substring(0, 8);
        String zone = workspace + ".example.com";
        ResourceReady us = droplet(workspace + "/us-east/load-balancer/us-lb", US_IP,
                context("us." + zone, zone, "us-east", "*", "NA"));
        ResourceReady eu = droplet(workspace + "/eu-central/load-balancer/eu-lb", EU_IP,
                context("eu." + zone, zone, "eu-central", "EU", null));
        ResourceReady asia = droplet(workspace + "/asia-southeast/load-balancer/asia-lb", ASIA_IP,
                context("asia." + zone, zone, "asia-southeast", "AS", null));
        publish(us);
        publish(eu);
        publish(asia);

        String records = workspace + "/global/dns-record/";
        for (String region : List.of("us", "eu", "asia")) {
            assertEquals(60, awaitSynced(records + region + "." + zone, 1).ttl());
        }
        DnsRecordSynced usApex = awaitSynced(records + zone + ".us-east", 1);
        assertEquals(zone, usApex.recordName());
        assertEquals(List.of(US_IP), usApex.values());
        assertEquals(us.address(), usApex.target());
        assertEquals(List.of(US_IP), awaitSynced(records + zone + ".us-east-na", 1).values());
        assertEquals(List.of(EU_IP), awaitSynced(records + zone + ".eu-central", 1).values());
        assertEquals(List.of(ASIA_IP), awaitSynced(records + zone + ".asia-southeast", 1).values());

        List<HealthCheck> checks = healthChecksOf(zone);
        assertEquals(3, checks.size());
        for (HealthCheck check : checks) {
            assertEquals("HTTPS", check.config().type());
            assertEquals(443, check.config().port());
            assertEquals("/health", check.config().resourcePath());
            assertEquals(10, check.config().requestInterval());
            assertEquals(2, check.config().failureThreshold());
        }
        String zoneId = zoneId(zone);
        List<ResourceRecordSet> apex = CloudSimTestResource.sim().state().records(zoneId, zone, "A");
        assertEquals(4, apex.size());
        Map<String, String> geoBySet = new HashMap<>();
        apex.forEach(set -> geoBySet.put(set.setIdentifier(), set.geoLocation().continentCode() != null
                ? set.geoLocation().continentCode() : set.geoLocation().countryCode()));
        assertEquals(Map.of("us-east", "*", "us-east-na", "NA", "eu-central", "EU", "asia-southeast", "AS"), geoBySet);
        assertTrue(apex.stream().allMatch(set -> set.healthCheckId() != null && set.ttl() == 60));
        assertEquals(1, CloudSimTestResource.sim().state().records(zoneId, "eu." + zone, "A").size());

        assertEquals(List.of(EU_IP), answer(zoneId, zone, EU_RESOLVER));
        assertEquals(List.of(ASIA_IP), answer(zoneId, zone, "203.0.113.53"));
        assertEquals(List.of(US_IP), answer(zoneId, zone, "198.51.100.53"));

        // Europe goes down: Route53 answers European resolvers from the default location, the US.
        control("POST", "/_sim/health", "{\"target\":\"eu." + zone + "\",\"healthy\":false}");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answer(zoneId, zone, EU_RESOLVER)
                .equals(List.of(US_IP)));
        given().when().get("/api/v1/dns/{workspace}", workspace)
                .then().statusCode(200)
                .body("healthChecks", hasSize(3))
                .body("healthChecks.find { it.region == 'eu-central' }.status", equalTo("unhealthy"))
                .body("healthChecks.find { it.region == 'us-east' }.status", equalTo("healthy"))
                .body("healthChecks.find { it.region == 'us-east' }.name", equalTo("us." + zone))
                .body("apex", hasSize(4))
                .body("apex.setIdentifier", containsInAnyOrder("us-east", "us-east-na", "eu-central",
                        "asia-southeast"))
                .body("apex.find { it.setIdentifier == 'us-east' }.geo", equalTo("*"))
                .body("apex.find { it.setIdentifier == 'eu-central' }.values[0]", equalTo(EU_IP));

        // A redelivery creates nothing new.
        publish(eu);
        awaitSynced(records + zone + ".eu-central", 2);
        assertEquals(3, healthChecksOf(zone).size());
        assertEquals(4, CloudSimTestResource.sim().state().records(zoneId, zone, "A").size());

        // Europe is deleted: its apex record set and its health check go, the others stay.
        String euCheck = checks.stream().filter(c -> c.config().fullyQualifiedDomainName().equals("eu." + zone))
                .findFirst().orElseThrow().id();
        publish(ResourceEvents.deleted(eu));
        DnsRecordSynced removed = awaitSynced(records + zone + ".eu-central", 3);
        assertTrue(removed.values().isEmpty());
        assertTrue(awaitSynced(records + "eu." + zone, 3).values().isEmpty(), "redelivery published #2");
        List<ResourceRecordSet> remaining = CloudSimTestResource.sim().state().records(zoneId, zone, "A");
        assertEquals(3, remaining.size());
        assertTrue(remaining.stream().noneMatch(set -> set.setIdentifier().equals("eu-central")));
        assertEquals(2, healthChecksOf(zone).size());
        assertTrue(healthChecksOf(zone).stream().noneMatch(c -> c.id().equals(euCheck)));
        assertEquals(List.of(US_IP), answer(zoneId, zone, EU_RESOLVER));

        // Someone points the US name elsewhere by hand and removes the NA apex record set: both are put back.
        try (Route53Client route53 = SimRoute53.client()) {
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                    c -> c.action("UPSERT").resourceRecordSet(s -> s.name("us." + zone).type(RRType.A).ttl(60L)
                            .resourceRecords(v -> v.value("198.51.100.250"))))));
        }
        ResourceRecordSet na = remaining.stream().filter(s -> s.setIdentifier().equals("us-east-na")).findFirst()
                .orElseThrow();
        try (Route53Client route53 = SimRoute53.client()) {
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                    c -> c.action("DELETE").resourceRecordSet(s -> s.name(zone).type(RRType.A).ttl(60L)
                            .setIdentifier("us-east-na").geoLocation(g -> g.continentCode("NA"))
                            .healthCheckId(na.healthCheckId()).resourceRecords(v -> v.value(US_IP))))));
        }
        assertEquals(2, driftRepair.repairOnce());
        assertEquals(List.of(US_IP), CloudSimTestResource.sim().state().records(zoneId, "us." + zone, "A").get(0)
                .values());
        assertEquals(3, CloudSimTestResource.sim().state().records(zoneId, zone, "A").size());
        assertEquals(List.of(US_IP), awaitSynced(records + "us." + zone, 2).values());
        assertNotNull(awaitSynced(records + zone + ".us-east-na", 2).syncedAt());
        assertEquals(0, driftRepair.repairOnce(), "nothing left to repair");
    }

    private static Map<String, String> context(String name, String zone, String setId, String geo, String also) {
        Map<String, String> context = new HashMap<>();
        context.put(ContextKeys.DNS_NAME, name);
        context.put(ContextKeys.DNS_ZONE, zone);
        context.put(ContextKeys.DNS_TTL, "60");
        context.put(ContextKeys.DNS_APEX, zone);
        context.put(ContextKeys.DNS_SET_ID, setId);
        context.put(ContextKeys.DNS_GEO, geo);
        if (also != null) {
            context.put(ContextKeys.DNS_GEO_ALSO, also);
        }
        context.put(ContextKeys.DNS_HEALTH_PROTOCOL, "HTTPS");
        context.put(ContextKeys.DNS_HEALTH_PORT, "443");
        context.put(ContextKeys.DNS_HEALTH_PATH, "/health");
        context.put(ContextKeys.DNS_HEALTH_INTERVAL, "10");
        context.put(ContextKeys.DNS_HEALTH_THRESHOLD, "2");
        return context;
    }

    private static List<HealthCheck> healthChecksOf(String zone) {
        return CloudSimTestResource.sim().state().healthChecks().stream()
                .filter(c -> c.config().fullyQualifiedDomainName() != null
                        && c.config().fullyQualifiedDomainName().endsWith("." + zone))
                .toList();
    }

    private static String zoneId(String zone) {
        List<HostedZone> zones = CloudSimTestResource.sim().state().hostedZonesNamed(zone);
        assertEquals(1, zones.size());
        return zones.get(0).id();
    }

    /** What Route53 answers a resolver asking for the apex, through the AWS SDK. */
    private static List<String> answer(String zoneId, String zone, String resolver) {
        try (Route53Client route53 = SimRoute53.client()) {
            return route53.testDNSAnswer(r -> r.hostedZoneId(zoneId).recordName(zone).recordType(RRType.A)
                    .resolverIP(resolver)).recordData();
        }
    }

    private static void control(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CloudSimTestResource.sim().url() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, method + " " + path + ": " + response.body());
    }
}
