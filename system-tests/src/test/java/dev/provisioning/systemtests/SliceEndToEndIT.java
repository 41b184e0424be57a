package dev.provisioning.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.contracts.cloudevents.CloudEvent;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.cloudevents.MessageType;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.local.StackProcesses;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The thin slice through the real path, with every component a separate process as {@code deploy/local/up} starts
 * them: REST → planner → outbox → Kafka → digitalocean-agent → DigitalOcean SDK → cloud-sim → events →
 * dns-service (Route53 through the AWS SDK) and cost-service, and one trace across all of them.
 */
class SliceEndToEndIT {

    static final String WORKSPACE = "slice";
    static final String DROPLET = "slice/us-east/droplet/us-app-1";
    static final ObjectMapper JSON = StackFixture.JSON;

    static OtlpTraceReceiver traces;
    static StackFixture fixture;
    static StackProcesses stack;

    @BeforeAll
    static void startStack() throws Exception {
        traces = OtlpTraceReceiver.start();
        fixture = StackFixture.start(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        stack = fixture.stack;
    }

    @AfterAll
    static void stopStack() {
        if (fixture != null) {
            fixture.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    void appliesTheSliceThroughEveryServiceInOneTrace() throws Exception {
        String workspace = Files.readString(fixture.repoRoot.resolve("deploy/workspaces/slice/workspace.json"));
        HttpResponse<String> declared = post(stack.plannerUrl() + "/api/v1/workspaces/" + WORKSPACE, workspace);
        assertEquals(201, declared.statusCode(), declared.body());

        HttpResponse<String> applied = post(stack.plannerUrl() + "/api/v1/workspaces/" + WORKSPACE + "/apply", "");
        assertEquals(202, applied.statusCode(), applied.body());
        String rolloutId = JSON.readTree(applied.body()).path("rolloutId").asText();

        JsonNode rollout = await("rollout SUCCEEDED", Duration.ofSeconds(90), () -> getJson(stack.plannerUrl()
                + "/api/v1/rollouts/" + rolloutId), r -> {
            assertFalse("FAILED".equals(r.path("status").asText()), "rollout failed: " + r);
            return "SUCCEEDED".equals(r.path("status").asText());
        });
        assertEquals(2, rollout.path("steps").size(), rollout.toString());
        for (JsonNode step : rollout.path("steps")) {
            assertEquals("SUCCEEDED", step.path("status").asText());
            assertFalse(step.path("dispatchedAt").isNull(), step.toString());
            assertFalse(step.path("completedAt").isNull(), step.toString());
        }

        // The droplet exists exactly once at the provider, found through its own API.
        JsonNode droplets = getJson(stack.cloudSimUrl() + "/v2/droplets?per_page=200");
        List<JsonNode> ours = new ArrayList<>();
        droplets.path("droplets").forEach(d -> {
            if ("us-app-1".equals(d.path("name").asText())) {
                ours.add(d);
            }
        });
        assertEquals(1, ours.size(), droplets.toString());
        assertEquals("active", ours.get(0).path("status").asText());
        assertEquals("s-2vcpu-4gb", ours.get(0).path("size_slug").asText());
        String ip = publicIpv4(ours.get(0));

        // Route53, read back through the AWS SDK: us.api.example.com A <droplet ip>, TTL 60.
        try (Route53Client route53 = Route53Client.builder()
                .endpointOverride(URI.create(stack.cloudSimUrl()))
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            HostedZone zone = route53.listHostedZonesByName(b -> b.dnsName("api.example.com.")).hostedZones().stream()
                    .filter(z -> z.name().equals("api.example.com.")).findFirst().orElseThrow();
            ResourceRecordSet record = route53.listResourceRecordSets(b -> b.hostedZoneId(zone.id()))
                    .resourceRecordSets().stream()
                    .filter(r -> r.name().equals("us.api.example.com.") && r.typeAsString().equals("A"))
                    .findFirst().orElseThrow(() -> new AssertionError("no A record for us.api.example.com"));
            assertEquals(60L, record.ttl());
            assertEquals(List.of(ip), record.resourceRecords().stream().map(r -> r.value()).toList());
        }
        JsonNode dns = getJson(stack.serviceUrl("dns-service") + "/api/v1/dns/" + WORKSPACE);
        assertTrue(dns.toString().contains(ip), dns.toString());

        // cost-service priced it from the provider's sizes: $24.00 a month.
        JsonNode costs = await("cost of the slice", Duration.ofSeconds(30),
                () -> getJson(stack.serviceUrl("cost-service") + "/api/v1/costs/" + WORKSPACE),
                c -> c.path("monthlyTotal").decimalValue().compareTo(new java.math.BigDecimal("24.00")) == 0);
        assertEquals("USD", costs.path("currency").asText());

        // Planning three droplets instead of one against the recorded state: two creates, +$48.00/month.
        String threeDroplets = workspace.replace("\"name\": \"us-app-1\"", "\"name\": \"us-app\", \"count\": 3");
        HttpResponse<String> planned = post(stack.plannerUrl() + "/api/v1/workspaces/" + WORKSPACE + "/plan", threeDroplets);
        assertEquals(200, planned.statusCode(), planned.body());
        JsonNode plan = JSON.readTree(planned.body());
        assertEquals(2, plan.path("regions").get(0).path("changes").size(), plan.toString());
        assertEquals(0, new java.math.BigDecimal("48.00").compareTo(plan.path("monthlyCostDelta").decimalValue()),
                plan.toString());

        // Any Kafka consumer sees the ResourceReady CloudEvent with its context attributes as headers.
        ConsumerRecord<String, String> ready = fixture.readEvent(r -> DROPLET.equals(r.key())
                && MessageType.RESOURCE_READY.ceType().equals(CloudEventCodec.optional(r.headers(), "ce_type")));
        assertEquals("/digitalocean-agent", CloudEventCodec.optional(ready.headers(), "ce_source"));
        assertNotNull(CloudEventCodec.optional(ready.headers(), "ce_id"));
        CloudEvent event = CloudEventCodec.decode(ready);
        ResourceReady data = event.dataAs(ResourceReady.class);
        assertEquals(ip, data.addresses().get("ipv4"));
        assertEquals(rolloutId, data.rolloutId());

        // One trace for the rollout, with spans from the planner, the agent, dns-service and cost-service.
        String traceId = rollout.path("traceId").asText();
        assertFalse(traceId.isBlank(), "the rollout records its trace id");
        Set<String> expected = Set.of("planner-service", "digitalocean-agent", "dns-service", "cost-service");
        Set<String> services = await("spans of every service in trace " + traceId, Duration.ofSeconds(30),
                () -> traces.spans().stream().filter(s -> s.traceId().equals(traceId))
                        .map(OtlpTraceReceiver.ReceivedSpan::service).collect(Collectors.toSet()),
                s -> s.containsAll(expected));
        assertTrue(services.containsAll(expected), services.toString());

        assertTrue(stack.exitedUnexpectedly().isEmpty(), "processes that died: " + stack.exitedUnexpectedly());
    }

    private static String publicIpv4(JsonNode droplet) {
        for (JsonNode network : droplet.path("networks").path("v4")) {
            if ("public".equals(network.path("type").asText())) {
                return network.path("ip_address").asText();
            }
        }
        return fail("droplet has no public IPv4: " + droplet);
    }

    static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        return StackFixture.await(what, timeout, probe, done);
    }

    static HttpResponse<String> post(String url, String body) throws Exception {
        return fixture.post(url, body);
    }

    static JsonNode getJson(String url) {
        return fixture.getJson(url);
    }
}
