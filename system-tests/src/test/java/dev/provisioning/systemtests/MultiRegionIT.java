package dev.provisioning.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;

/**
 * The seed's workspace (deploy/workspaces/multi-region-ha) applied from empty on all three providers, every component
 * a separate process: networks, nine servers, three load balancers with three servers each, the EU backup volume,
 * the regional names, the apex with geolocation routing and a health check per region. The databases are left out:
 * no agent provisions them yet, and the planner refuses them by name.
 */
class MultiRegionIT {

    static final String WORKSPACE = "multi-region-ha";
    static final Set<String> DATABASE_KINDS = Set.of("database", "database-replica", "rds-instance");

    static StackFixture fixture;

    @BeforeAll
    static void startStack() throws Exception {
        fixture = StackFixture.start();
    }

    @AfterAll
    static void stopStack() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void appliesTheSeedWorkspaceOnAllThreeProviders() throws Exception {
        ObjectNode workspace = (ObjectNode) StackFixture.JSON.readTree(Files.readString(
                fixture.repoRoot.resolve("deploy/workspaces/multi-region-ha/equivalents/workspace.json")));
        // The seed's certificate id is a placeholder: upload a certificate to the provider and use its id.
        HttpResponse<String> certificate = fixture.post(fixture.cloudSim() + "/v2/certificates", """
                {"name": "api-example-com", "type": "custom",
                 "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----",
                 "leaf_certificate": "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----"}""");
        assertEquals(201, certificate.statusCode(), certificate.body());
        String certificateId = StackFixture.JSON.readTree(certificate.body()).path("certificate").path("id").asText();
        for (JsonNode region : workspace.path("regions")) {
            ArrayNode resources = (ArrayNode) region.path("resources");
            for (int i = resources.size() - 1; i >= 0; i--) {
                if (DATABASE_KINDS.contains(resources.get(i).path("kind").asText())) {
                    resources.remove(i);
                }
            }
            for (JsonNode resource : resources) {
                for (JsonNode rule : resource.path("forwarding_rules")) {
                    ((ObjectNode) rule).put("certificate_id", certificateId);
                }
            }
        }

        HttpResponse<String> declared = fixture.post(fixture.planner() + "/api/v1/workspaces/" + WORKSPACE, workspace.toString());
        assertEquals(201, declared.statusCode(), declared.body());
        long started = System.nanoTime();
        HttpResponse<String> applied = fixture.post(fixture.planner() + "/api/v1/workspaces/" + WORKSPACE + "/apply", "");
        assertEquals(202, applied.statusCode(), applied.body());
        JsonNode rollout = fixture.awaitRollout(StackFixture.JSON.readTree(applied.body()).path("rolloutId").asText(),
                Duration.ofMinutes(4));
        System.out.printf("multi-region-ha: rollout of %d steps SUCCEEDED in %.1f s%n", rollout.path("steps").size(),
                (System.nanoTime() - started) / 1e9);

        // DigitalOcean, through its list APIs: three droplets, one load balancer over exactly them, one VPC.
        JsonNode droplets = fixture.getJson(fixture.cloudSim() + "/v2/droplets?per_page=200").path("droplets");
        assertEquals(Set.of("us-app-1", "us-app-2", "us-app-3"), names(droplets, "name"));
        assertEquals(3, droplets.size());
        JsonNode doBalancers = fixture.getJson(fixture.cloudSim() + "/v2/load_balancers").path("load_balancers");
        assertEquals(1, doBalancers.size(), doBalancers.toString());
        assertEquals(names(droplets, "id"), names(doBalancers.get(0).path("droplet_ids"), null));
        assertEquals(1, fixture.getJson(fixture.cloudSim() + "/v2/vpcs").path("vpcs").size() - defaultVpcs());
        String usIp = doBalancers.get(0).path("ip").asText();

        // Hetzner: three servers, one load balancer targeting them, the network and the backup volume.
        JsonNode servers = fixture.getJson(fixture.cloudSim() + "/v1/servers").path("servers");
        assertEquals(Set.of("hetzner-eu-1", "hetzner-eu-2", "hetzner-eu-3"), names(servers, "name"));
        JsonNode hzBalancers = fixture.getJson(fixture.cloudSim() + "/v1/load_balancers").path("load_balancers");
        assertEquals(1, hzBalancers.size(), hzBalancers.toString());
        assertEquals(3, hzBalancers.get(0).path("targets").size(), hzBalancers.toString());
        String euIp = hzBalancers.get(0).path("public_net").path("ipv4").path("ip").asText();
        assertEquals(1, fixture.getJson(fixture.cloudSim() + "/v1/networks").path("networks").size());
        assertEquals(1, fixture.getJson(fixture.cloudSim() + "/v1/volumes").path("volumes").size());

        // AWS, through the SDK: three running instances, one ALB with three registered targets.
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        URI endpoint = URI.create(fixture.cloudSim());
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint)
                     .region(Region.AP_SOUTHEAST_1).credentialsProvider(credentials)
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            List<Instance> running = ec2.describeInstances(b -> b.filters(f -> f.name("instance-state-name").values("running")))
                    .reservations().stream().flatMap(r -> r.instances().stream()).toList();
            assertEquals(3, running.size(), running.toString());
            var balancers = elb.describeLoadBalancers().loadBalancers();
            assertEquals(1, balancers.size(), balancers.toString());
            String targetGroup = elb.describeTargetGroups(b -> b.loadBalancerArn(balancers.get(0).loadBalancerArn()))
                    .targetGroups().get(0).targetGroupArn();
            assertEquals(3, elb.describeTargetHealth(b -> b.targetGroupArn(targetGroup)).targetHealthDescriptions().size());
        }

        // Route53: the three regional names, the apex per region, three health checks; a European resolver gets EU.
        try (Route53Client route53 = Route53Client.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            List<HostedZone> zones = route53.listHostedZonesByName(b -> b.dnsName("api.example.com.")).hostedZones()
                    .stream().filter(z -> z.name().equals("api.example.com.")).toList();
            assertEquals(1, zones.size(), zones.toString());
            String zoneId = zones.get(0).id();
            List<ResourceRecordSet> records = route53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets();
            Set<String> names = records.stream().map(ResourceRecordSet::name).collect(Collectors.toSet());
            assertTrue(names.containsAll(Set.of("us.api.example.com.", "eu.api.example.com.", "asia.api.example.com.")),
                    names.toString());
            long apexSets = records.stream().filter(r -> r.name().equals("api.example.com.") && r.setIdentifier() != null).count();
            assertTrue(apexSets >= 3, "apex geolocation sets: " + records);
            assertEquals(3, route53.listHealthChecks().healthChecks().size());
            TestDnsAnswerResponse european = route53.testDNSAnswer(b -> b.hostedZoneId(zoneId)
                    .recordName("api.example.com").recordType("A").resolverIP("192.0.2.10"));
            assertEquals(List.of(euIp), european.recordData(), european.toString());
            TestDnsAnswerResponse american = route53.testDNSAnswer(b -> b.hostedZoneId(zoneId)
                    .recordName("api.example.com").recordType("A").resolverIP("198.51.100.10"));
            assertEquals(List.of(usIp), american.recordData(), american.toString());
        }

        // Every region is priced, from each provider's own price data.
        JsonNode costs = fixture.getJson(fixture.service("cost-service") + "/api/v1/costs/" + WORKSPACE);
        System.out.println("multi-region-ha costs: " + costs.path("byRegion"));
        assertEquals(3, costs.path("byRegion").size(), costs.toString());
        assertTrue(fixture.stack.exitedUnexpectedly().isEmpty(), "processes that died: " + fixture.stack.exitedUnexpectedly());
    }

    /** Values of a field of every element (or the elements themselves when field is null), as text. */
    private static Set<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> field == null ? n.asText() : n.path(field).asText()).collect(Collectors.toSet());
    }

    /** The VPCs DigitalOcean makes by itself, one default per region used. */
    private static int defaultVpcs() {
        JsonNode vpcs = fixture.getJson(fixture.cloudSim() + "/v2/vpcs").path("vpcs");
        return (int) StreamSupport.stream(vpcs.spliterator(), false).filter(v -> v.path("default").asBoolean(false)).count();
    }
}
