package dev.provisioning.dnsservice;

import static dev.provisioning.dnsservice.ResourceEvents.awaitSynced;
import static dev.provisioning.dnsservice.ResourceEvents.droplet;
import static dev.provisioning.dnsservice.ResourceEvents.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.state.ElbLoadBalancer;
import dev.provisioning.cloudsim.state.ResourceRecordSet;
import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;

/** A region whose front resource is an AWS application load balancer answers at the apex through alias records. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "dnsservice"))
@WithTestResource(CloudSimTestResource.class)
class AlbApexTest {

    private static final String US_IP = "198.51.100.72";
    private static final String EU_IP = "192.0.2.72";
    private static final String AS_RESOLVER = "203.0.113.53";
    private static final String EU_RESOLVER = "192.0.2.53";
    private static final String ASIA_ELB_ZONE = "Z1LMS91P8CMLE5";

    @Inject
    DriftRepair driftRepair;

    @AfterEach
    void restoreTheSimulator() throws Exception {
        control("DELETE", "/_sim/health", null);
        CloudSimTestResource.sim().reconfigure(c -> c.withTimeScale(1.0));
    }

    @Test
    void anAlbRegionGetsAliasApexRecordSetsThatAnswerItsAddressesAndFailOver() throws Exception {
        CloudSimTestResource.sim().reconfigure(c -> c.withTimeScale(0.001));
        String workspace = "alb-" + UUID.randomUUID().toString().substring(0, 8);
        String zone = workspace + ".example.com";
        LoadBalancer alb = createAlb(workspace.substring(0, 12));
        List<String> albIps = CloudSimTestResource.sim().state().elbLoadBalancers().stream()
                .filter(lb -> lb.dnsName().equals(alb.dnsName())).findFirst().map(ElbLoadBalancer::ipv4Addresses)
                .orElseThrow();
        assertEquals(2, albIps.size());

        ResourceReady us = droplet(workspace + "/us-east/load-balancer/us-lb", US_IP,
                context("us." + zone, zone, "us-east", "*", "NA"));
        ResourceReady eu = droplet(workspace + "/eu-central/load-balancer/eu-lb", EU_IP,
                context("eu." + zone, zone, "eu-central", "EU", null));
        ResourceReady asia = new ResourceReady("rollout-" + UUID.randomUUID(),
                ResourceAddress.parse(workspace + "/asia-southeast/alb/asia-alb"), Provider.AWS, "ap-southeast-1",
                alb.loadBalancerArn(), Map.of("hostname", alb.dnsName()), "application",
                "aws:elbv2:application:ap-southeast-1", context("asia." + zone, zone, "asia-southeast", "AS", null),
                Instant.now());
        publish(us);
        publish(eu);
        publish(asia);

        String records = workspace + "/global/dns-record/";
        DnsRecordSynced regional = awaitSynced(records + "asia." + zone, 1);
        assertEquals("CNAME", regional.recordType());
        assertEquals(List.of(alb.dnsName()), regional.values());
        DnsRecordSynced asiaApex = awaitSynced(records + zone + ".asia-southeast", 1);
        assertEquals("A", asiaApex.recordType());
        assertEquals(List.of(alb.dnsName()), asiaApex.values(), "an alias is announced with its target's name");
        awaitSynced(records + zone + ".us-east", 1);
        awaitSynced(records + zone + ".eu-central", 1);

        String zoneId = CloudSimTestResource.sim().state().hostedZonesNamed(zone).get(0).id();
        List<ResourceRecordSet> apex = CloudSimTestResource.sim().state().records(zoneId, zone, "A");
        assertEquals(4, apex.size());
        ResourceRecordSet alias = apex.stream().filter(s -> s.setIdentifier().equals("asia-southeast")).findFirst()
                .orElseThrow();
        assertEquals(ASIA_ELB_ZONE, alias.aliasTarget().hostedZoneId());
        assertEquals(alb.dnsName() + ".", alias.aliasTarget().dnsName());
        assertTrue(alias.aliasTarget().evaluateTargetHealth());
        assertNull(alias.ttl());
        assertTrue(alias.values().isEmpty());
        assertNotNull(alias.healthCheckId());
        assertEquals("AS", alias.geoLocation().continentCode());
        assertEquals(1, CloudSimTestResource.sim().state().records(zoneId, "asia." + zone, "CNAME").size());

        assertEquals(albIps, answer(zoneId, zone, AS_RESOLVER));
        assertEquals(List.of(EU_IP), answer(zoneId, zone, EU_RESOLVER));

        given().when().get("/api/v1/dns/{workspace}", workspace)
                .then().statusCode(200)
                .body("apex.find { it.setIdentifier == 'asia-southeast' }.type", equalTo("A"))
                .body("apex.find { it.setIdentifier == 'asia-southeast' }.ttl", nullValue())
                .body("apex.find { it.setIdentifier == 'asia-southeast' }.alias.dnsName", equalTo(alb.dnsName()))
                .body("apex.find { it.setIdentifier == 'asia-southeast' }.alias.hostedZoneId",
                        equalTo(ASIA_ELB_ZONE))
                .body("apex.find { it.setIdentifier == 'eu-central' }.ttl", equalTo(60))
                .body("apex.find { it.setIdentifier == 'eu-central' }.alias", nullValue());

        // Asia goes down: Asian resolvers get the default location, the US.
        control("POST", "/_sim/health", "{\"target\":\"asia." + zone + "\",\"healthy\":false}");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answer(zoneId, zone, AS_RESOLVER)
                .equals(List.of(US_IP)));
        control("POST", "/_sim/health", "{\"target\":\"asia." + zone + "\",\"healthy\":true}");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answer(zoneId, zone, AS_RESOLVER)
                .equals(albIps));

        // A redelivery changes nothing; an alias removed by hand is put back by the drift repair.
        publish(asia);
        awaitSynced(records + zone + ".asia-southeast", 2);
        assertEquals(4, CloudSimTestResource.sim().state().records(zoneId, zone, "A").size());
        assertEquals(0, driftRepair.repairOnce());
        try (Route53Client route53 = SimRoute53.client()) {
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                    c -> c.action("DELETE").resourceRecordSet(s -> s.name(zone).type(RRType.A)
                            .setIdentifier("asia-southeast").geoLocation(g -> g.continentCode("AS"))
                            .healthCheckId(alias.healthCheckId()).aliasTarget(t -> t.hostedZoneId(ASIA_ELB_ZONE)
                                    .dnsName(alb.dnsName()).evaluateTargetHealth(true))))));
        }
        assertEquals(3, CloudSimTestResource.sim().state().records(zoneId, zone, "A").size());
        assertEquals(1, driftRepair.repairOnce());
        assertEquals(albIps, answer(zoneId, zone, AS_RESOLVER));
        awaitSynced(records + zone + ".asia-southeast", 3);

        // The load balancer is deleted: its alias apex record set goes with its regional CNAME.
        publish(ResourceEvents.deleted(asia));
        assertTrue(awaitSynced(records + zone + ".asia-southeast", 4).values().isEmpty());
        List<ResourceRecordSet> remaining = CloudSimTestResource.sim().state().records(zoneId, zone, "A");
        assertEquals(3, remaining.size());
        assertTrue(remaining.stream().allMatch(s -> s.aliasTarget() == null));
        assertTrue(CloudSimTestResource.sim().state().records(zoneId, "asia." + zone, "CNAME").isEmpty());
        assertEquals(List.of(US_IP), answer(zoneId, zone, AS_RESOLVER));
    }

    private static LoadBalancer createAlb(String name) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("observer", "observer"));
        URI endpoint = URI.create(CloudSimTestResource.sim().url());
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint)
                     .region(Region.AP_SOUTHEAST_1).credentialsProvider(credentials)
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            List<String> subnets = List.of(
                    ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.9.0.0/24")
                            .availabilityZone("ap-southeast-1a")).subnet().subnetId(),
                    ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.9.1.0/24")
                            .availabilityZone("ap-southeast-1b")).subnet().subnetId());
            return elb.createLoadBalancer(r -> r.name(name).subnets(subnets).type("application")).loadBalancers()
                    .get(0);
        }
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
        context.put(ContextKeys.DNS_HEALTH_PATH, "/health");
        context.put(ContextKeys.DNS_HEALTH_INTERVAL, "10");
        context.put(ContextKeys.DNS_HEALTH_THRESHOLD, "2");
        return context;
    }

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
