package dev.provisioning.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.deploy.local.RolloutReport;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;

/**
 * The seed's workspace (deploy/workspaces/multi-region-ha) applied from empty on all three providers, every component
 * a separate process: networks, nine servers, three load balancers with three servers each, the EU backup volume,
 * the regional names, the apex with geolocation routing and a health check per region, the PostgreSQL primary on
 * DigitalOcean with its replicas on Hetzner and RDS, and the seed's cost table.
 */
class MultiRegionIT {

    static final String WORKSPACE = "multi-region-ha";

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
        // The path deploy/local/up takes: workspace.ncl + config.toml read without nickel, the certificate the
        // load balancer names uploaded to the (simulated) account, declared, applied, awaited.
        long started = System.nanoTime();
        RolloutReport report = fixture.stack.applyWorkspace(
                fixture.repoRoot.resolve("deploy/workspaces/multi-region-ha"), Duration.ofMinutes(4));
        assertEquals("SUCCEEDED", report.status(), report.render());
        JsonNode rollout = report.rollout();
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

        // The databases: one DigitalOcean cluster (3 nodes) as primary, the EU replica on the first Hetzner app server
        // with the backup volume attached there, the APAC replica on RDS.
        JsonNode clusters = fixture.getJson(fixture.cloudSim() + "/v2/databases").path("databases");
        assertEquals(1, clusters.size(), clusters.toString());
        assertEquals("online", clusters.get(0).path("status").asText());
        assertEquals(3, clusters.get(0).path("num_nodes").asInt());
        assertEquals("db-s-2vcpu-4gb", clusters.get(0).path("size").asText());
        JsonNode replicaHosts = fixture.getJson(fixture.cloudSim() + "/v1/servers?label_selector=db-role%3Dreplica")
                .path("servers");
        assertEquals(Set.of("hetzner-eu-1"), names(replicaHosts, "name"));
        String replicaHostId = replicaHosts.get(0).path("id").asText();
        JsonNode volumes = fixture.getJson(fixture.cloudSim() + "/v1/volumes").path("volumes");
        assertEquals(replicaHostId, volumes.get(0).path("server").asText(), volumes.toString());
        try (RdsClient rds = RdsClient.builder().endpointOverride(endpoint).region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            List<DBInstance> instances = rds.describeDBInstances().dbInstances();
            assertEquals(1, instances.size(), instances.toString());
            assertEquals("available", instances.get(0).dbInstanceStatus());
            assertEquals("db.t3.medium", instances.get(0).dbInstanceClass());
        }
        JsonNode topology = awaitJson(fixture.service("db-replication-service") + "/api/v1/replication/" + WORKSPACE,
                t -> t.path("replicas").size() == 2);
        String primary = WORKSPACE + "/us-east/database/us-db-primary";
        assertEquals(primary, topology.path("primary").path("address").asText(), topology.toString());
        assertEquals(Set.of(primary), names(topology.path("replicas"), "primaryAddress"));
        assertEquals(Set.of("hetzner", "aws"), names(topology.path("replicas"), "provider"));
        assertEquals(0, topology.path("warnings").size(), topology.toString());

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

        // The seed's cost table, from the providers' own price data: US $102, EU ≈ $79 (€72.70), APAC $130, ≈ $311.
        JsonNode costs = awaitJson(fixture.service("cost-service") + "/api/v1/costs/" + WORKSPACE,
                c -> c.path("unpricedResources").asInt(-1) == 0 && c.path("byRegion").size() == 3);
        System.out.println("multi-region-ha costs: " + costs.path("byRegion") + " total " + costs.path("monthlyTotal"));
        Map<String, Double> byRegion = StreamSupport.stream(costs.path("byRegion").spliterator(), false)
                .collect(Collectors.toMap(r -> r.path("region").asText(), r -> r.path("monthlyUsd").asDouble()));
        assertWithin(102.0, byRegion.get("us-east"), "us-east");
        assertWithin(79.0, byRegion.get("eu-central"), "eu-central");
        assertWithin(130.0, byRegion.get("asia-southeast"), "asia-southeast");
        assertWithin(311.0, costs.path("monthlyTotal").asDouble(), "total");
        // Against the recorded state the same workspace plans nothing; five EU servers instead of three plan two
        // creates there (and the load balancer's new targets) with their monthly cost; a budget below the projection is a warning and a BudgetExceeded
        // event any Kafka consumer sees.
        String declared = Files.readString(fixture.repoRoot.resolve(
                "deploy/workspaces/multi-region-ha/equivalents/workspace.json"));
        JsonNode unchanged = plan(declared);
        assertTrue(unchanged.path("empty").asBoolean(), unchanged.toString());
        ObjectNode scaled = (ObjectNode) StackFixture.JSON.readTree(declared);
        for (JsonNode resource : scaled.path("regions").path("eu-central").path("resources")) {
            if ("server".equals(resource.path("kind").asText())) {
                ((ObjectNode) resource).put("count", 5);
            }
        }
        ((ObjectNode) scaled.path("budget")).put("monthlyUsd", 320);
        JsonNode scaledPlan = plan(scaled.toString());
        JsonNode eu = StreamSupport.stream(scaledPlan.path("regions").spliterator(), false)
                .filter(r -> "eu-central".equals(r.path("region").asText())).findFirst().orElseThrow();
        // Two servers to create, and the load balancer to point at them too (an in-place update, free).
        assertEquals(List.of("create " + WORKSPACE + "/eu-central/server/hetzner-eu-4",
                        "create " + WORKSPACE + "/eu-central/server/hetzner-eu-5",
                        "update " + WORKSPACE + "/eu-central/load-balancer/eu-lb"),
                StreamSupport.stream(eu.path("changes").spliterator(), false)
                        .map(c -> c.path("action").asText() + " " + c.path("address").asText()).toList(),
                scaledPlan.toString());
        assertWithin(2 * 22.72, eu.path("monthlyCostDelta").asDouble(), "two more cpx21");
        assertTrue(scaledPlan.path("budget").path("exceeded").asBoolean(), scaledPlan.toString());
        assertTrue(StreamSupport.stream(scaledPlan.path("warnings").spliterator(), false)
                .anyMatch(w -> "budget.monthlyUsd".equals(w.path("field").asText())), scaledPlan.toString());
        ConsumerRecord<String, String> overBudget = fixture.readEvent(r -> WORKSPACE.equals(r.key())
                && MessageType.BUDGET_EXCEEDED.ceType().equals(CloudEventCodec.optional(r.headers(), "ce_type")));
        assertEquals("/cost-service", CloudEventCodec.optional(overBudget.headers(), "ce_source"));

        assertTrue(fixture.stack.exitedUnexpectedly().isEmpty(), "processes that died: " + fixture.stack.exitedUnexpectedly());
    }

    private static JsonNode plan(String workspace) throws Exception {
        var response = fixture.post(fixture.planner() + "/api/v1/workspaces/" + WORKSPACE + "/plan", workspace);
        assertEquals(200, response.statusCode(), response.body());
        return StackFixture.JSON.readTree(response.body());
    }

    /** Within 2 % of the seed's figure. */
    private static void assertWithin(double expected, Double actual, String what) {
        assertTrue(actual != null && Math.abs(actual - expected) <= expected * 0.02,
                what + ": $" + actual + " is not within 2 % of the seed's $" + expected);
    }

    /** A JSON document once it satisfies {@code ready} (events reach each service on its own schedule). */
    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> ready) throws InterruptedException {
        return StackFixture.await(url, Duration.ofSeconds(60), () -> {
            try {
                return fixture.getJson(url);
            } catch (IllegalStateException notYet) {
                return StackFixture.JSON.createObjectNode();
            }
        }, ready);
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
