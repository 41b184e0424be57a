package dev.provisioning.cloudsim.aws.route53;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.state.ElbLoadBalancer;
import java.net.URI;
import java.time.Duration;
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
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.GeoLocation;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Alias record sets to application load balancers and to record sets of the same zone, through the AWS SDK. */
class Route53AliasSdkTest {

    private static final String EU_RESOLVER = "192.0.2.53";
    private static final String AS_RESOLVER = "203.0.113.53";
    private static final String EU_IP = "192.0.2.10";
    private static final String ASIA_ZONE = "Z1LMS91P8CMLE5";

    private static CloudSim sim;
    private static Route53Client route53;
    private static RawHttp http;
    private static StaticCredentialsProvider credentials;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withTimeScale(0.001)
                .withElbProvisionDelay(Duration.ofMillis(100)));
        credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
        route53 = Route53Client.builder().endpointOverride(URI.create(sim.url())).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
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
    void loadBalancersReportTheirRegionsZoneAndKeepHiddenAddresses() {
        LoadBalancer asia = createAlb(Region.AP_SOUTHEAST_1, "web");
        LoadBalancer eu = createAlb(Region.EU_CENTRAL_1, "web");
        LoadBalancer us = createAlb(Region.US_EAST_1, "web");
        assertEquals(ASIA_ZONE, asia.canonicalHostedZoneId());
        assertEquals("Z215JYRZR1TBD5", eu.canonicalHostedZoneId());
        assertEquals("Z35SXDOTRQ7X7K", us.canonicalHostedZoneId());
        try (ElasticLoadBalancingV2Client elb = elb(Region.EU_CENTRAL_1)) {
            assertEquals("Z215JYRZR1TBD5", elb.describeLoadBalancers(r -> r.names("web")).loadBalancers().get(0)
                    .canonicalHostedZoneId());
        }
        List<ElbLoadBalancer> stored = sim.state().elbLoadBalancers();
        assertEquals(3, stored.size());
        assertTrue(stored.stream().allMatch(lb -> lb.ipv4Addresses().size() == 2), stored.toString());
        assertEquals(6, stored.stream().flatMap(lb -> lb.ipv4Addresses().stream()).distinct().count(),
                "no address is handed out twice");
        assertTrue(stored.stream().flatMap(lb -> lb.ipv4Addresses().stream())
                .allMatch(ip -> ip.startsWith("198.19.255.")));
        assertTrue(asia.availabilityZones().stream().allMatch(z -> z.loadBalancerAddresses().isEmpty()),
                "ELBv2 does not show an application load balancer's addresses");
    }

    @Test
    void geolocationAliasesAnswerTheLoadBalancersAddressesAndFailOver() throws Exception {
        LoadBalancer asia = createAlb(Region.AP_SOUTHEAST_1, "asia-web");
        List<String> asiaIps = sim.state().elbLoadBalancers().get(0).ipv4Addresses();
        String zoneId = route53.createHostedZone(r -> r.name("api.example.com").callerReference(uuid()))
                .hostedZone().id();
        HealthCheck asiaCheck = route53.createHealthCheck(r -> r.callerReference("asia").healthCheckConfig(c -> c
                .type(HealthCheckType.HTTPS).fullyQualifiedDomainName("asia.api.example.com").port(443)
                .resourcePath("/").requestInterval(10).failureThreshold(1))).healthCheck();
        ResourceRecordSet alias = ResourceRecordSet.builder().name("api.example.com").type(RRType.A)
                .setIdentifier("asia-southeast").geoLocation(GeoLocation.builder().continentCode("AS").build())
                .healthCheckId(asiaCheck.id()).aliasTarget(AliasTarget.builder().hostedZoneId(ASIA_ZONE)
                        .dnsName(asia.dnsName()).evaluateTargetHealth(true).build()).build();
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                upsert(alias),
                upsert(a("api.example.com", EU_IP).toBuilder().setIdentifier("eu-central")
                        .geoLocation(GeoLocation.builder().countryCode("*").build()).build()))));

        ResourceRecordSet listed = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets()
                .stream().filter(s -> "asia-southeast".equals(s.setIdentifier())).findFirst().orElseThrow();
        assertEquals(ASIA_ZONE, listed.aliasTarget().hostedZoneId());
        assertEquals(asia.dnsName() + ".", listed.aliasTarget().dnsName());
        assertTrue(listed.aliasTarget().evaluateTargetHealth());
        assertNull(listed.ttl());
        assertTrue(listed.resourceRecords().isEmpty());
        assertEquals(asiaCheck.id(), listed.healthCheckId());

        assertEquals(asiaIps, answer(zoneId, "api.example.com", AS_RESOLVER));
        assertEquals(List.of(EU_IP), answer(zoneId, "api.example.com", EU_RESOLVER));

        http.postJson("/_sim/health", "{\"target\":\"asia.api.example.com\",\"healthy\":false}");
        awaitTrue(() -> answer(zoneId, "api.example.com", AS_RESOLVER).equals(List.of(EU_IP)));
    }

    @Test
    void aliasesToRecordSetsOfTheSameZoneAreFollowed() {
        String zoneId = route53.createHostedZone(r -> r.name("example.com").callerReference(uuid())).hostedZone()
                .id();
        String bareZoneId = zoneId.substring(zoneId.lastIndexOf('/') + 1);
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                upsert(a("www.example.com", EU_IP)),
                upsert(ResourceRecordSet.builder().name("example.com").type(RRType.A).aliasTarget(AliasTarget.builder()
                        .hostedZoneId(bareZoneId).dnsName("www.example.com").evaluateTargetHealth(false).build())
                        .build()))));
        assertEquals(List.of(EU_IP), answer(zoneId, "example.com", EU_RESOLVER));
    }

    @Test
    void invalidAliasesAreRefused() {
        LoadBalancer asia = createAlb(Region.AP_SOUTHEAST_1, "web");
        String zoneId = route53.createHostedZone(r -> r.name("example.com").callerReference(uuid())).hostedZone()
                .id();
        AliasTarget target = AliasTarget.builder().hostedZoneId(ASIA_ZONE).dnsName(asia.dnsName())
                .evaluateTargetHealth(false).build();
        ResourceRecordSet good = ResourceRecordSet.builder().name("example.com").type(RRType.A).aliasTarget(target)
                .build();
        assertThrows(InvalidInputException.class, () -> change(zoneId, good.toBuilder().ttl(60L).build()),
                "an alias has no TTL");
        assertThrows(InvalidInputException.class, () -> change(zoneId, good.toBuilder()
                .resourceRecords(ResourceRecord.builder().value(EU_IP).build()).build()), "nor values");
        assertThrows(InvalidInputException.class, () -> change(zoneId, good.toBuilder()
                .aliasTarget(target.toBuilder().hostedZoneId(null).build()).build()), "the zone id is required");
        InvalidChangeBatchException wrongZone = assertThrows(InvalidChangeBatchException.class, () -> change(zoneId,
                good.toBuilder().aliasTarget(target.toBuilder().hostedZoneId("Z215JYRZR1TBD5").build()).build()));
        assertTrue(wrongZone.getMessage().contains("does not lie within the target zone"), wrongZone.getMessage());
        String bareZoneId = zoneId.substring(zoneId.lastIndexOf('/') + 1);
        InvalidChangeBatchException missing = assertThrows(InvalidChangeBatchException.class, () -> change(zoneId,
                good.toBuilder().aliasTarget(target.toBuilder().hostedZoneId(bareZoneId)
                        .dnsName("nothing.example.com").build()).build()));
        assertTrue(missing.getMessage().contains("target was not found"), missing.getMessage());

        change(zoneId, good);
        assertEquals(sim.state().elbLoadBalancers().get(0).ipv4Addresses(), answer(zoneId, "example.com", null));
        try (ElasticLoadBalancingV2Client elb = elb(Region.AP_SOUTHEAST_1)) {
            elb.deleteLoadBalancer(r -> r.loadBalancerArn(asia.loadBalancerArn()));
        }
        assertFalse(answer(zoneId, "example.com", null).iterator().hasNext(), "a deleted load balancer answers nothing");
    }

    private static void change(String zoneId, ResourceRecordSet set) {
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(upsert(set))));
    }

    private static LoadBalancer createAlb(Region region, String name) {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create(sim.url())).region(region)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             ElasticLoadBalancingV2Client elb = elb(region)) {
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
            List<String> subnets = List.of(
                    ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.0.0/24").availabilityZone(region.id() + "a"))
                            .subnet().subnetId(),
                    ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.1.0/24").availabilityZone(region.id() + "b"))
                            .subnet().subnetId());
            return elb.createLoadBalancer(r -> r.name(name).subnets(subnets).type("application")).loadBalancers()
                    .get(0);
        }
    }

    private static ElasticLoadBalancingV2Client elb(Region region) {
        return ElasticLoadBalancingV2Client.builder().endpointOverride(URI.create(sim.url())).region(region)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static List<String> answer(String zoneId, String name, String resolver) {
        return route53.testDNSAnswer(r -> r.hostedZoneId(zoneId).recordName(name).recordType(RRType.A)
                .resolverIP(resolver)).recordData();
    }

    private static ResourceRecordSet a(String name, String value) {
        return ResourceRecordSet.builder().name(name).type(RRType.A).ttl(60L)
                .resourceRecords(ResourceRecord.builder().value(value).build()).build();
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
