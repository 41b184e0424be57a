package dev.provisioning.cloudsim.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.myjeeva.digitalocean.common.LoadBalancerStatus;
import com.myjeeva.digitalocean.common.Protocol;
import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import com.myjeeva.digitalocean.pojo.Certificate;
import com.myjeeva.digitalocean.pojo.ForwardingRules;
import com.myjeeva.digitalocean.pojo.HealthCheck;
import com.myjeeva.digitalocean.pojo.LoadBalancer;
import com.myjeeva.digitalocean.pojo.LoadBalancers;
import com.myjeeva.digitalocean.pojo.Region;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.state.DigitalOceanLoadBalancer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DigitalOcean load balancers and certificates through the myjeeva SDK, with raw HTTP for what it cannot send. */
class DigitalOceanLoadBalancerSdkTest {

    private static final String TOKEN = "dop_v1_test-token";

    private static CloudSim sim;
    private static CloseableHttpClient httpClient;
    private static DigitalOceanClient digitalOcean;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withDropletBootDelay(Duration.ofMillis(50))
                .withLoadBalancerDelay(Duration.ofMillis(300)));
        Registry<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("https", PlainConnectionSocketFactory.getSocketFactory())
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .build();
        httpClient = HttpClients.custom().setConnectionManager(new PoolingHttpClientConnectionManager(sockets)).build();
        String host = "127.0.0.1:" + sim.port();
        digitalOcean = new DigitalOceanClient("v2", TOKEN, httpClient) {
            {
                apiHost = host;
            }
        };
        http = new RawHttp(sim);
    }

    @AfterAll
    static void stop() throws Exception {
        httpClient.close();
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.reset();
    }

    @Test
    void aLoadBalancerIsNewWithoutAddressThenActiveWithOne() throws Exception {
        int web1 = createDroplet("web-1", "nyc3");
        int web2 = createDroplet("web-2", "nyc3");

        LoadBalancer created = digitalOcean.createLoadBalancer(
                loadBalancer("lb-1", "nyc3", List.of(httpRule(80, 8080)), List.of(web1, web2)));

        assertEquals(LoadBalancerStatus.NEW, created.getStatus());
        assertTrue(created.getIp() == null || created.getIp().isEmpty(), created.getIp());
        assertEquals(List.of(String.valueOf(web1), String.valueOf(web2)), created.getDropletIds());
        assertEquals(Protocol.HTTP, created.getForwardingRules().get(0).getEntryProtocol());
        assertEquals(8080, created.getForwardingRules().get(0).getTargetPort());
        assertEquals("/healthz", created.getHealthCheck().getPath());
        assertEquals(10, created.getHealthCheck().getCheckIntervalInSeconds());

        LoadBalancer active = awaitActive(created.getId());
        assertTrue(active.getIp().startsWith("192.0.2."), active.getIp());
        assertEquals("nyc3", active.getRegion().getSlug());
        DigitalOceanLoadBalancer stored = sim.state().digitalOceanLoadBalancers().get(0);
        assertEquals(1, stored.sizeUnit(), "size_unit defaults to 1");
        assertEquals(active.getIp(), stored.ip());
        JsonNode raw = json(http.get("/v2/load_balancers/" + created.getId(), bearer()));
        assertEquals(1, raw.path("load_balancer").path("size_unit").asInt());
        assertEquals(sim.state().droplet(web1).orElseThrow().vpcUuid(),
                raw.path("load_balancer").path("vpc_uuid").asText(), "the region's default VPC");
    }

    @Test
    void sizeUnitAndVpcAreStoredAndReturned() {
        String vpc = json(http.postJson("/v2/vpcs", "{\"name\":\"edge\",\"region\":\"fra1\",\"ip_range\":\"10.40.0.0/20\"}",
                bearer())).path("vpc").path("id").asText();
        HttpResponse<String> response = http.postJson("/v2/load_balancers", "{\"name\":\"lb-big\",\"region\":\"fra1\","
                + "\"size_unit\":3,\"vpc_uuid\":\"" + vpc + "\",\"forwarding_rules\":[{\"entry_protocol\":\"tcp\","
                + "\"entry_port\":5432,\"target_protocol\":\"tcp\",\"target_port\":5432}],"
                + "\"health_check\":{\"protocol\":\"tcp\",\"port\":5432}}", bearer());

        assertEquals(202, response.statusCode(), response.body());
        JsonNode lb = json(response).path("load_balancer");
        assertEquals(3, lb.path("size_unit").asInt());
        assertEquals(vpc, lb.path("vpc_uuid").asText());
        assertEquals("new", lb.path("status").asText());
        assertEquals(3, sim.state().digitalOceanLoadBalancers().get(0).sizeUnit());
        JsonNode members = json(http.get("/v2/vpcs/" + vpc + "/members", bearer()));
        assertEquals("do:loadbalancer:" + lb.path("id").asText(), members.path("members").get(0).path("urn").asText());

        HttpResponse<String> legacy = http.postJson("/v2/load_balancers", "{\"name\":\"lb-legacy\",\"region\":\"fra1\","
                + "\"size\":\"lb-medium\",\"forwarding_rules\":[{\"entry_protocol\":\"http\",\"entry_port\":80,"
                + "\"target_protocol\":\"http\",\"target_port\":80}]}", bearer());
        assertEquals(3, json(legacy).path("load_balancer").path("size_unit").asInt());
        assertEquals("lb-medium", json(legacy).path("load_balancer").path("size").asText());
    }

    @Test
    void httpsWithoutCertificateIsUnprocessableAndWithOneIsAccepted() throws Exception {
        ForwardingRules https = new ForwardingRules();
        https.setEntryProtocol(Protocol.HTTPS);
        https.setEntryPort(443);
        https.setTargetProtocol(Protocol.HTTP);
        https.setTargetPort(80);

        DigitalOceanException refused = assertThrows(DigitalOceanException.class,
                () -> digitalOcean.createLoadBalancer(loadBalancer("lb-tls", "nyc3", List.of(https), List.of())));
        assertEquals(422, refused.getHttpStatusCode());
        assertTrue(refused.getMessage().contains("requires a certificate_id"), refused.getMessage());
        assertTrue(sim.state().digitalOceanLoadBalancers().isEmpty());

        Certificate certificate = digitalOcean.createLetsEncryptCertificate(
                new Certificate("api-cert", "lets_encrypt", List.of("api.example.com")));
        assertEquals("verified", certificate.getState().toString().toLowerCase());
        assertEquals(1, digitalOcean.getAvailableCertificates(1, 20).getCertificates().size());
        https.setCertificateId(certificate.getId());
        LoadBalancer created = digitalOcean.createLoadBalancer(loadBalancer("lb-tls", "nyc3", List.of(https), List.of()));
        assertEquals(certificate.getId(), created.getForwardingRules().get(0).getCertificateId());

        https.setCertificateId("no-such-certificate");
        DigitalOceanException unknown = assertThrows(DigitalOceanException.class,
                () -> digitalOcean.createLoadBalancer(loadBalancer("lb-tls-2", "nyc3", List.of(https), List.of())));
        assertEquals(422, unknown.getHttpStatusCode());
    }

    @Test
    void otherInvalidRequestsAreUnprocessable() {
        int elsewhere = createDroplet("far", "sgp1");
        String rule = "[{\"entry_protocol\":\"http\",\"entry_port\":80,\"target_protocol\":\"http\",\"target_port\":80}]";
        assertEquals(422, http.postJson("/v2/load_balancers", "{\"name\":\"x\",\"region\":\"nyc3\","
                + "\"forwarding_rules\":[]}", bearer()).statusCode());
        assertEquals(422, http.postJson("/v2/load_balancers", "{\"name\":\"x\",\"region\":\"nyc9\","
                + "\"forwarding_rules\":" + rule + "}", bearer()).statusCode());
        assertEquals(422, http.postJson("/v2/load_balancers", "{\"name\":\"x\",\"region\":\"nyc3\",\"size_unit\":0,"
                + "\"forwarding_rules\":" + rule + "}", bearer()).statusCode());
        assertEquals(422, http.postJson("/v2/load_balancers", "{\"name\":\"x\",\"region\":\"nyc3\",\"tag\":\"web\","
                + "\"droplet_ids\":[" + elsewhere + "],\"forwarding_rules\":" + rule + "}", bearer()).statusCode());
        HttpResponse<String> wrongRegion = http.postJson("/v2/load_balancers", "{\"name\":\"x\",\"region\":\"nyc3\","
                + "\"droplet_ids\":[" + elsewhere + "],\"forwarding_rules\":" + rule + "}", bearer());
        assertEquals(422, wrongRegion.statusCode());
        assertEquals("unprocessable_entity", json(wrongRegion).path("id").asText());
        assertEquals(422, http.postJson("/v2/load_balancers", "{\"name\":\"x\",\"region\":\"nyc3\","
                + "\"forwarding_rules\":[{\"entry_protocol\":\"ftp\",\"entry_port\":21,\"target_protocol\":\"tcp\","
                + "\"target_port\":21}]}", bearer()).statusCode());
        assertTrue(sim.state().digitalOceanLoadBalancers().isEmpty());
    }

    @Test
    void dropletsAndRulesChangeInPlaceAndDeleteRemovesIt() throws Exception {
        int web1 = createDroplet("web-1", "nyc3");
        int web2 = createDroplet("web-2", "nyc3");
        int web3 = createDroplet("web-3", "nyc3");
        LoadBalancer created = digitalOcean.createLoadBalancer(
                loadBalancer("lb-1", "nyc3", List.of(httpRule(80, 80)), List.of(web1, web2)));

        digitalOcean.addDropletsToLoadBalancer(created.getId(), List.of(web3));
        digitalOcean.removeDropletsFromLoadBalancer(created.getId(), List.of(web1));
        assertEquals(List.of(web2, web3), sim.state().digitalOceanLoadBalancers().get(0).dropletIds());

        digitalOcean.addForwardingRulesToLoadBalancer(created.getId(), List.of(httpRule(8080, 8080)));
        assertEquals(2, digitalOcean.getLoadBalancerInfo(created.getId()).getForwardingRules().size());

        LoadBalancer replacement = loadBalancer("lb-1", "nyc3", List.of(httpRule(81, 8081)), List.of(web1));
        replacement.setId(created.getId());
        LoadBalancer updated = digitalOcean.updateLoadBalancer(replacement);
        assertEquals(List.of(String.valueOf(web1)), updated.getDropletIds());
        assertEquals(81, updated.getForwardingRules().get(0).getEntryPort());
        assertEquals(1, sim.state().digitalOceanLoadBalancers().size());

        http.send("DELETE", "/v2/droplets/" + web1, null, bearer());
        assertTrue(digitalOcean.getLoadBalancerInfo(created.getId()).getDropletIds().isEmpty(),
                "a deleted droplet leaves its load balancers");

        digitalOcean.deleteLoadBalancer(created.getId());
        assertTrue(sim.state().digitalOceanLoadBalancers().isEmpty());
        DigitalOceanException gone = assertThrows(DigitalOceanException.class,
                () -> digitalOcean.getLoadBalancerInfo(created.getId()));
        assertEquals(404, gone.getHttpStatusCode());
    }

    @Test
    void listingPaginatesLikeDroplets() throws Exception {
        for (int i = 1; i <= 3; i++) {
            digitalOcean.createLoadBalancer(loadBalancer("lb-" + i, "ams3", List.of(httpRule(80, 80)), List.of()));
        }
        LoadBalancers first = digitalOcean.getAvailableLoadBalancers(1, 2);
        assertEquals(2, first.getLoadBalancers().size());
        assertEquals(3, first.getMeta().getTotal());
        assertTrue(first.getLinks().getPages().getNext().contains("page=2"));
        LoadBalancers last = digitalOcean.getAvailableLoadBalancers(2, 2);
        assertEquals("lb-3", last.getLoadBalancers().get(0).getName());
        assertNull(last.getLinks().getPages().getNext());
    }

    @Test
    void theActivationDelayIsConfigurableAtRuntime() throws Exception {
        sim.reconfigure(c -> c.withLoadBalancerDelay(Duration.ZERO));
        try {
            LoadBalancer created = digitalOcean.createLoadBalancer(
                    loadBalancer("lb-fast", "nyc3", List.of(httpRule(80, 80)), List.of()));
            Thread.sleep(100);
            assertEquals(LoadBalancerStatus.ACTIVE, digitalOcean.getLoadBalancerInfo(created.getId()).getStatus());
        } finally {
            sim.reconfigure(c -> c.withLoadBalancerDelay(Duration.ofMillis(300)));
        }
        assertEquals(300, json(http.get("/_sim/config")).path("loadBalancerDelayMs").asInt());
    }

    private static LoadBalancer loadBalancer(String name, String region, List<ForwardingRules> rules,
            List<Integer> dropletIds) {
        LoadBalancer lb = new LoadBalancer();
        lb.setName(name);
        lb.setRegion(new Region(region));
        lb.setForwardingRules(rules);
        HealthCheck check = new HealthCheck();
        check.setProtocol(Protocol.HTTP);
        check.setPort(80);
        check.setPath("/healthz");
        lb.setHealthCheck(check);
        lb.setDropletIds(dropletIds.stream().map(String::valueOf).toList());
        return lb;
    }

    private static ForwardingRules httpRule(int entryPort, int targetPort) {
        ForwardingRules rule = new ForwardingRules();
        rule.setEntryProtocol(Protocol.HTTP);
        rule.setEntryPort(entryPort);
        rule.setTargetProtocol(Protocol.HTTP);
        rule.setTargetPort(targetPort);
        return rule;
    }

    private static LoadBalancer awaitActive(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            LoadBalancer current = digitalOcean.getLoadBalancerInfo(id);
            if (current.getStatus() == LoadBalancerStatus.ACTIVE) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("load balancer " + id + " still " + current.getStatus());
            }
            Thread.sleep(50);
        }
    }

    private static int createDroplet(String name, String region) {
        HttpResponse<String> response = http.postJson("/v2/droplets", "{\"name\":\"" + name + "\",\"region\":\""
                + region + "\",\"size\":\"s-1vcpu-1gb\",\"image\":\"ubuntu-24-04-x64\"}", bearer());
        assertEquals(202, response.statusCode(), response.body());
        return json(response).path("droplet").path("id").asInt();
    }

    static JsonNode json(HttpResponse<String> response) {
        return SimJson.read(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    static String[] bearer() {
        return new String[] {"Authorization", "Bearer " + TOKEN};
    }
}
