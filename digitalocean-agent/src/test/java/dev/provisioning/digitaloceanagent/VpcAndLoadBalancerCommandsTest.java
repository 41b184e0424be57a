package dev.provisioning.digitaloceanagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.CommandsTestSupport;
import dev.provisioning.cloudsim.state.DigitalOceanIpRange;
import dev.provisioning.cloudsim.state.DigitalOceanLoadBalancer;
import dev.provisioning.cloudsim.state.DigitalOceanVpc;
import dev.provisioning.cloudsim.state.Droplet;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.digitaloceanagent.service.DigitalOceanNames;
import dev.provisioning.digitaloceanagent.service.DropletTags;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** VPC and load balancer commands through the whole path: Kafka → agent → SDK/REST → cloud-sim → events. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class VpcAndLoadBalancerCommandsTest extends CommandsTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String REGION = "nyc3";
    /** Distinct /24s per test, so VPCs never overlap however the tests are ordered. */
    static final AtomicInteger NEXT_RANGE = new AtomicInteger(ThreadLocalRandom.current().nextInt(200) * 64);
    static final Map<String, Object> HTTP_RULE = Map.of("entry_protocol", "http", "entry_port", 80,
            "target_protocol", "http", "target_port", 8080);

    VpcAndLoadBalancerCommandsTest() {
        super(Provider.DIGITALOCEAN, REGION, Map.of(), TIMEOUT);
    }

    @Test
    void aVpcIsReadyWithItsRangeAndADropletReferencingItGetsAPrivateAddressInIt() {
        String range = freeRange();
        ResourceAddress vpc = address("vpc", "app-net");
        ResourceReady vpcReady = provisionAndAwait(vpc, Map.of("ip_range", range));

        DigitalOceanVpc created = vpcNamed(DigitalOceanNames.forAddress(vpc));
        assertEquals(created.id(), vpcReady.providerId());
        assertEquals(Map.of("ip_range", range), vpcReady.addresses());
        assertNull(vpcReady.priceKey(), "VPCs are free");
        assertEquals(REGION, created.region());

        ResourceAddress droplet = address("droplet", "db");
        ResourceReady dropletReady = provisionAndAwait(droplet, Map.of("size", "s-1vcpu-1gb",
                "vpc", vpc.toString()));

        Droplet inVpc = dropletOf(droplet);
        assertEquals(created.id(), inVpc.vpcUuid());
        assertTrue(DigitalOceanIpRange.parse(range).orElseThrow().contains(inVpc.privateIpv4()), inVpc.privateIpv4());
        assertEquals(inVpc.privateIpv4(), dropletReady.addresses().get("ipv4_private"));

        // Redelivered, the VPC command finds the VPC by name instead of making a second one.
        provisionAndAwaitNth(vpc, Map.of("ip_range", range), 2);
        assertEquals(1, CloudSimTestResource.sim().state().digitalOceanVpcs().stream()
                .filter(v -> v.name().equals(created.name())).count());
    }

    @Test
    void aLoadBalancerTargetsExactlyItsDropletsAndReportsItsAddressAndPriceKey() {
        ResourceAddress web1 = address("droplet", "web-1");
        ResourceAddress web2 = address("droplet", "web-2");
        provisionAndAwait(web1, Map.of("size", "s-1vcpu-1gb"));
        provisionAndAwait(web2, Map.of("size", "s-1vcpu-1gb"));
        ResourceAddress lb = address("load-balancer", "web-lb");
        ProvisionResource command = provision(lb, Map.of("targets", List.of(web1.toString(), web2.toString()),
                "forwarding_rules", List.of(HTTP_RULE),
                "health_check", Map.of("protocol", "http", "port", 8080, "path", "/healthz")));

        send(command);
        send(command);
        List<ResourceReady> readies = readies(lb, 2);

        List<DigitalOceanLoadBalancer> created = loadBalancersOf(lb);
        assertEquals(1, created.size(), "a command delivered twice makes one load balancer");
        DigitalOceanLoadBalancer balancer = created.get(0);
        ResourceReady ready = readies.get(0);
        assertEquals(balancer.id(), ready.providerId());
        assertEquals(balancer.id(), readies.get(1).providerId());
        assertEquals(Map.of("ipv4", balancer.ip()), ready.addresses());
        assertEquals("1", ready.size());
        assertEquals("digitalocean:load-balancer:1", ready.priceKey());
        assertEquals(DigitalOceanLoadBalancer.Status.ACTIVE, balancer.status());
        assertEquals(Set.of(dropletOf(web1).id(), dropletOf(web2).id()), Set.copyOf(balancer.dropletIds()));
        assertEquals(2, balancer.dropletIds().size());
        assertEquals("/healthz", balancer.healthCheck().path());
        assertEquals(8080, balancer.forwardingRules().get(0).targetPort());
    }

    @Test
    void changedTargetsAndRulesAreUpdatedInPlace() {
        ResourceAddress web1 = address("droplet", "web-1");
        ResourceAddress web2 = address("droplet", "web-2");
        provisionAndAwait(web1, Map.of("size", "s-1vcpu-1gb"));
        provisionAndAwait(web2, Map.of("size", "s-1vcpu-1gb"));
        ResourceAddress lb = address("load-balancer", "web-lb");
        String id = provisionAndAwait(lb, Map.of("targets", List.of(web1.toString()),
                "forwarding_rules", List.of(HTTP_RULE))).providerId();

        provisionAndAwaitNth(lb, Map.of("targets", List.of(web2.toString()), "forwarding_rules", List.of(HTTP_RULE)), 2);
        DigitalOceanLoadBalancer retargeted = loadBalancersOf(lb).get(0);
        assertEquals(id, retargeted.id());
        assertEquals(List.of(dropletOf(web2).id()), retargeted.dropletIds());

        Map<String, Object> tcp = Map.of("entry_protocol", "tcp", "entry_port", 5432, "target_protocol", "tcp",
                "target_port", 5432);
        ResourceReady resized = provisionAndAwaitNth(lb, Map.of("targets", List.of(web1.toString(), web2.toString()),
                "forwarding_rules", List.of(HTTP_RULE, tcp), "size_unit", 2), 3);
        List<DigitalOceanLoadBalancer> after = loadBalancersOf(lb);
        assertEquals(1, after.size());
        assertEquals(id, after.get(0).id());
        assertEquals(2, after.get(0).forwardingRules().size());
        assertEquals(2, after.get(0).sizeUnit());
        assertEquals(Set.of(dropletOf(web1).id(), dropletOf(web2).id()), Set.copyOf(after.get(0).dropletIds()));
        assertEquals("digitalocean:load-balancer:2", resized.priceKey());
    }

    @Test
    void anHttpsRuleWithoutCertificateIsAPermanentFailureWithDigitalOceansMessage() {
        ResourceAddress lb = address("load-balancer", "tls-lb");

        ResourceFailed failed = failed(provision(lb, Map.of("forwarding_rules", List.of(Map.of("entry_protocol",
                "https", "entry_port", 443, "target_protocol", "http", "target_port", 80)))));

        assertFalse(failed.retryable());
        assertEquals("unprocessable_entity", failed.errorCode());
        assertEquals("A forwarding rule with entry_protocol https (entry_port 443) requires a certificate_id, "
                + "or tls_passthrough set to true.", failed.message());
        assertTrue(loadBalancersOf(lb).isEmpty());
    }

    @Test
    void anHttpsRuleMayNameItsCertificateInsteadOfGivingItsId() throws Exception {
        String name = "cert-" + UUID.randomUUID().toString().substring(0, 8);
        java.net.http.HttpResponse<String> uploaded = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder()
                        .uri(java.net.URI.create(CloudSimTestResource.sim().url() + "/v2/certificates"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer test-token")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\","
                                + " \"type\": \"custom\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nAA\\n-----END"
                                + " PRIVATE KEY-----\", \"leaf_certificate\": \"-----BEGIN CERTIFICATE-----\\nAA\\n-----END"
                                + " CERTIFICATE-----\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String certificateId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(uploaded.body())
                .path("certificate").path("id").asText();
        ResourceAddress lb = address("load-balancer", "named-tls-lb");
        Map<String, Object> https = Map.of("entry_protocol", "https", "entry_port", 443, "target_protocol", "http",
                "target_port", 80, "certificate_name", name);

        provisionAndAwaitNth(lb, Map.of("forwarding_rules", List.of(https)), 1);

        List<DigitalOceanLoadBalancer> created = loadBalancersOf(lb);
        assertEquals(1, created.size());
        assertEquals(certificateId, created.get(0).forwardingRules().get(0).certificateId());

        ResourceAddress missing = address("load-balancer", "unnamed-tls-lb");
        ResourceFailed failed = failed(provision(missing, Map.of("forwarding_rules", List.of(Map.of(
                "entry_protocol", "https", "entry_port", 443, "target_protocol", "http", "target_port", 80,
                "certificate_name", "no-such-certificate")))));
        assertFalse(failed.retryable());
        assertTrue(failed.message().contains("no certificate named 'no-such-certificate'"), failed.message());
        assertTrue(loadBalancersOf(missing).isEmpty());
    }

    @Test
    void aTargetThatWasNeverProvisionedIsReportedByAddress() {
        ResourceAddress lb = address("load-balancer", "orphan-lb");
        ResourceAddress ghost = address("droplet", "ghost");

        ResourceFailed failed = failed(provision(lb, Map.of("targets", List.of(ghost.toString()),
                "forwarding_rules", List.of(HTTP_RULE))));

        assertEquals("reference_not_found", failed.errorCode());
        assertTrue(failed.message().contains(ghost.toString()), failed.message());
        assertFalse(failed.retryable());
    }

    @Test
    void rateLimitedLoadBalancerCreatesAreRetriedAfterTheAskedWait() throws Exception {
        ResourceAddress lb = address("load-balancer", "busy-lb");
        injectFault("{\"provider\":\"digitalocean\",\"pathPrefix\":\"/v2/load_balancers\","
                + "\"method\":\"POST\",\"status\":429,\"count\":1,\"retryAfterSeconds\":1}");
        long start = System.nanoTime();

        ResourceReady ready = ready(provision(lb, Map.of("forwarding_rules", List.of(HTTP_RULE))));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "one Retry-After: 1 wait, took " + took);
        assertTrue(CloudSimTestResource.sim().faults().active().isEmpty(), "the injected 429 was served");
        assertEquals(1, loadBalancersOf(lb).size());
        assertEquals(loadBalancersOf(lb).get(0).id(), ready.providerId());
    }

    @Test
    void deletingALoadBalancerThenItsVpcRemovesBoth() {
        ResourceAddress vpc = address("vpc", "edge-net");
        String vpcId = provisionAndAwait(vpc, Map.of("ip_range", freeRange())).providerId();
        ResourceAddress lb = address("load-balancer", "edge-lb");
        String lbId = provisionAndAwait(lb, Map.of("forwarding_rules", List.of(HTTP_RULE), "vpc", vpc.toString()))
                .providerId();
        assertEquals(vpcId, loadBalancersOf(lb).get(0).vpcUuid());

        assertEquals(lbId, deleteAndAwait(lb).providerId());
        assertTrue(loadBalancersOf(lb).isEmpty());
        assertEquals(vpcId, deleteAndAwait(vpc).providerId());
        assertTrue(CloudSimTestResource.sim().state().digitalOceanVpcs().stream().noneMatch(v -> v.id().equals(vpcId)));
    }

    static ResourceAddress address(String kind, String name) {
        return uniqueAddress("us-east", kind, name);
    }

    ProvisionResource provision(ResourceAddress address, Map<String, Object> spec) {
        return provisionCommand("rollout-9", address, spec);
    }

    ResourceReady provisionAndAwait(ResourceAddress address, Map<String, Object> spec) {
        return ready(provision(address, spec));
    }

    /** Sends the command and waits for the {@code nth} ResourceReady of the address. */
    ResourceReady provisionAndAwaitNth(ResourceAddress address, Map<String, Object> spec, int nth) {
        return ready(provision(address, spec), nth);
    }

    ResourceDeleted deleteAndAwait(ResourceAddress address) {
        return deleted(deleteCommand("rollout-10", address));
    }

    static String freeRange() {
        int n = NEXT_RANGE.getAndIncrement() % (64 * 256);
        return "10." + (30 + n / 256) + "." + (n % 256) + ".0/24";
    }

    static List<DigitalOceanLoadBalancer> loadBalancersOf(ResourceAddress address) {
        return CloudSimTestResource.sim().state().digitalOceanLoadBalancersNamed(DigitalOceanNames.forAddress(address));
    }

    static DigitalOceanVpc vpcNamed(String name) {
        return CloudSimTestResource.sim().state().digitalOceanVpcs().stream().filter(v -> v.name().equals(name))
                .findFirst().orElseThrow();
    }

    static Droplet dropletOf(ResourceAddress address) {
        return CloudSimTestResource.sim().state().dropletsTagged(DropletTags.addressTag(address)).get(0);
    }
}
