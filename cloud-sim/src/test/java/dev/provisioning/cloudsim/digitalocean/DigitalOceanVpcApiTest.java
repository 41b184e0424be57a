package dev.provisioning.cloudsim.digitalocean;

import static dev.provisioning.cloudsim.digitalocean.DigitalOceanLoadBalancerSdkTest.bearer;
import static dev.provisioning.cloudsim.digitalocean.DigitalOceanLoadBalancerSdkTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.state.DigitalOceanIpRange;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DigitalOcean VPCs over plain HTTP, since the myjeeva SDK has no VPC endpoints. */
class DigitalOceanVpcApiTest {

    private static CloudSim sim;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withDropletBootDelay(Duration.ofMillis(50)));
        http = new RawHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        http.send("POST", "/_sim/reset", null);
    }

    @Test
    void aVpcIsCreatedReadListedAndDeleted() {
        HttpResponse<String> created = createVpc("app-net", "nyc3", "10.20.0.0/16");

        assertEquals(201, created.statusCode(), created.body());
        JsonNode vpc = json(created).path("vpc");
        String id = vpc.path("id").asText();
        assertEquals("app-net", vpc.path("name").asText());
        assertEquals("nyc3", vpc.path("region").asText());
        assertEquals("10.20.0.0/16", vpc.path("ip_range").asText());
        assertEquals("do:vpc:" + id, vpc.path("urn").asText());
        assertFalse(vpc.path("default").asBoolean());

        assertEquals("app-net", json(http.get("/v2/vpcs/" + id, bearer())).path("vpc").path("name").asText());
        JsonNode list = json(http.get("/v2/vpcs", bearer()));
        assertEquals(1, list.path("meta").path("total").asInt());
        assertEquals(id, list.path("vpcs").get(0).path("id").asText());

        assertEquals(204, http.send("DELETE", "/v2/vpcs/" + id, null, bearer()).statusCode());
        assertEquals(404, http.get("/v2/vpcs/" + id, bearer()).statusCode());
        assertTrue(sim.state().digitalOceanVpcs().isEmpty());
    }

    @Test
    void takenNamesOverlappingAndInvalidRangesAreUnprocessable() {
        assertEquals(201, createVpc("app-net", "nyc3", "10.20.0.0/16").statusCode());

        HttpResponse<String> sameName = createVpc("app-net", "fra1", "10.30.0.0/16");
        assertEquals(422, sameName.statusCode());
        assertEquals("unprocessable_entity", json(sameName).path("id").asText());
        assertTrue(json(sameName).path("message").asText().contains("already exists"));

        HttpResponse<String> overlap = createVpc("other-net", "nyc3", "10.20.128.0/20");
        assertEquals(422, overlap.statusCode());
        assertTrue(json(overlap).path("message").asText().contains("overlaps"), overlap.body());
        assertEquals(422, createVpc("default-clash", "nyc3", "10.108.0.0/24").statusCode(),
                "the region default VPCs' ranges are taken too");

        assertEquals(422, createVpc("public-net", "nyc3", "8.8.0.0/16").statusCode());
        assertEquals(422, createVpc("huge-net", "nyc3", "10.0.0.0/8").statusCode());
        assertEquals(422, createVpc("tiny-net", "nyc3", "10.50.0.0/28").statusCode());
        assertEquals(422, createVpc("host-bits", "nyc3", "10.50.0.1/24").statusCode());
        assertEquals(422, createVpc("bad_name", "nyc3", "10.51.0.0/24").statusCode());
        assertEquals(422, createVpc("no-region", "nyc9", "10.52.0.0/24").statusCode());
        assertEquals(1, sim.state().digitalOceanVpcs().size());

        HttpResponse<String> generated = http.postJson("/v2/vpcs", "{\"name\":\"auto\",\"region\":\"nyc3\"}", bearer());
        assertEquals(201, generated.statusCode());
        assertTrue(json(generated).path("vpc").path("ip_range").asText().endsWith("/20"));
    }

    @Test
    void dropletsInAVpcGetPrivateAddressesInItsRangeAndBlockItsDeletion() {
        String id = json(createVpc("db-net", "fra1", "10.70.16.0/24")).path("vpc").path("id").asText();
        DigitalOceanIpRange range = DigitalOceanIpRange.parse("10.70.16.0/24").orElseThrow();

        Set<String> addresses = new HashSet<>();
        int first = 0;
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> droplet = http.postJson("/v2/droplets", "{\"name\":\"db-" + i + "\",\"region\":\"fra1\","
                    + "\"size\":\"s-1vcpu-1gb\",\"image\":\"debian-12-x64\",\"vpc_uuid\":\"" + id + "\"}", bearer());
            assertEquals(202, droplet.statusCode(), droplet.body());
            JsonNode body = json(droplet).path("droplet");
            first = first == 0 ? body.path("id").asInt() : first;
            assertEquals(id, body.path("vpc_uuid").asText());
            for (JsonNode network : body.path("networks").path("v4")) {
                if (network.path("type").asText().equals("private")) {
                    assertTrue(range.contains(network.path("ip_address").asText()), network.toString());
                    assertEquals("255.255.255.0", network.path("netmask").asText());
                    addresses.add(network.path("ip_address").asText());
                }
            }
        }
        assertEquals(3, addresses.size(), "every droplet has its own private address");
        assertTrue(sim.state().droplets().stream().allMatch(d -> range.contains(d.privateIpv4())));

        JsonNode members = json(http.get("/v2/vpcs/" + id + "/members?per_page=2", bearer()));
        assertEquals(3, members.path("meta").path("total").asInt());
        assertEquals(2, members.path("members").size());
        assertEquals("do:droplet:" + first, members.path("members").get(0).path("urn").asText());
        assertTrue(members.path("links").path("pages").path("next").asText().contains("page=2"));

        HttpResponse<String> refused = http.send("DELETE", "/v2/vpcs/" + id, null, bearer());
        assertEquals(403, refused.statusCode());
        assertEquals("forbidden", json(refused).path("id").asText());

        sim.state().droplets().forEach(d -> http.send("DELETE", "/v2/droplets/" + d.id(), null, bearer()));
        assertEquals(204, http.send("DELETE", "/v2/vpcs/" + id, null, bearer()).statusCode());
    }

    @Test
    void dropletsNamingAnUnknownOrForeignVpcAreRefused() {
        String id = json(createVpc("eu-net", "fra1", "10.80.0.0/20")).path("vpc").path("id").asText();
        assertEquals(422, http.postJson("/v2/droplets", "{\"name\":\"x\",\"region\":\"nyc3\",\"size\":\"s-1vcpu-1gb\","
                + "\"image\":\"debian-12-x64\",\"vpc_uuid\":\"" + id + "\"}", bearer()).statusCode());
        assertEquals(422, http.postJson("/v2/droplets", "{\"name\":\"x\",\"region\":\"fra1\",\"size\":\"s-1vcpu-1gb\","
                + "\"image\":\"debian-12-x64\",\"vpc_uuid\":\"5a4981aa-9653-4bd1-bef5-d6bff52042e4\"}", bearer())
                .statusCode());
        assertTrue(sim.state().droplets().isEmpty());
    }

    @Test
    void listsPaginateAndShowTheDefaultVpcOfRegionsInUse() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, createVpc("net-" + i, "sfo3", "10.9" + i + ".0.0/24").statusCode());
        }
        http.postJson("/v2/droplets", "{\"name\":\"web\",\"region\":\"nyc3\",\"size\":\"s-1vcpu-1gb\","
                + "\"image\":\"debian-12-x64\"}", bearer());

        JsonNode first = json(http.get("/v2/vpcs?per_page=2", bearer()));
        assertEquals(4, first.path("meta").path("total").asInt());
        JsonNode defaultVpc = first.path("vpcs").get(0);
        assertTrue(defaultVpc.path("default").asBoolean());
        assertEquals("10.108.0.0/20", defaultVpc.path("ip_range").asText());
        assertTrue(first.path("links").path("pages").path("last").asText().contains("page=2"));
        JsonNode second = json(http.get("/v2/vpcs?page=2&per_page=2", bearer()));
        assertEquals("net-3", second.path("vpcs").get(1).path("name").asText());
        assertEquals(403, http.send("DELETE", "/v2/vpcs/" + defaultVpc.path("id").asText(), null, bearer())
                .statusCode());
        assertEquals(200, http.get("/v2/vpcs/" + defaultVpc.path("id").asText(), bearer()).statusCode());
    }

    private static HttpResponse<String> createVpc(String name, String region, String range) {
        return http.postJson("/v2/vpcs", "{\"name\":\"" + name + "\",\"region\":\"" + region + "\",\"ip_range\":\""
                + range + "\",\"description\":\"test network\"}", bearer());
    }
}
