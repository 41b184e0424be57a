package dev.provisioning.cloudsim.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.myjeeva.digitalocean.common.ActionStatus;
import com.myjeeva.digitalocean.common.ActionType;
import com.myjeeva.digitalocean.common.DropletStatus;
import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import com.myjeeva.digitalocean.pojo.Action;
import com.myjeeva.digitalocean.pojo.Droplet;
import com.myjeeva.digitalocean.pojo.Droplets;
import com.myjeeva.digitalocean.pojo.Image;
import com.myjeeva.digitalocean.pojo.Region;
import com.myjeeva.digitalocean.pojo.Size;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.http.SimJson;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/** DigitalOcean emulation exercised through the myjeeva DigitalOcean SDK with only the host changed. */
class DigitalOceanSdkTest {

    private static final String TOKEN = "dop_v1_test-token";

    private static CloudSim sim;
    private static CloseableHttpClient httpClient;
    private static DigitalOceanClient digitalOcean;
    private static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withDropletBootDelay(Duration.ofMillis(200)));
        // The SDK hard-codes https; mapping that scheme to plain sockets points it at the simulator unchanged.
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
    void createdDropletIsNewThenBecomesActiveWithAddresses() throws Exception {
        Droplet request = new Droplet();
        request.setName("web-1");
        request.setRegion(new Region("fra1"));
        request.setSize("s-2vcpu-4gb");
        request.setImage(new Image("ubuntu-24-04-x64"));
        request.setTags(List.of("env:test", "role-web"));

        Droplet created = digitalOcean.createDroplet(request);

        assertEquals(DropletStatus.NEW, created.getStatus());
        assertEquals("web-1", created.getName());
        assertEquals(4096, created.getMemorySizeInMb());
        assertEquals(2, created.getVirutalCpuCount());
        assertEquals("s-2vcpu-4gb", created.getSize());
        assertEquals("fra1", created.getRegion().getSlug());
        assertEquals(List.of("env:test", "role-web"), created.getTags());
        assertNotNull(created.getCreatedDate());

        Droplet active = awaitStatus(created.getId(), DropletStatus.ACTIVE);
        String publicIp = active.getNetworks().getVersion4Networks().stream()
                .filter(n -> n.getType().equals("public")).findFirst().orElseThrow().getIpAddress();
        assertTrue(publicIp.startsWith("198.51.100."), publicIp);
        assertEquals(dev.provisioning.cloudsim.state.Droplet.Status.ACTIVE,
                sim.state().droplet(created.getId()).orElseThrow().status());
    }

    @Test
    void listByTagPaginatesLikeDigitalOcean() throws Exception {
        for (int i = 1; i <= 5; i++) {
            createRaw("tagged-" + i, "s-1vcpu-1gb", "[\"batch\"]");
        }
        createRaw("untagged", "s-1vcpu-1gb", "[]");

        Droplets first = digitalOcean.getAvailableDropletsByTagName("batch", 1, 2);
        assertEquals(2, first.getDroplets().size());
        assertEquals(5, first.getMeta().getTotal());
        assertTrue(first.getLinks().getPages().getNext().contains("page=2"));
        assertTrue(first.getLinks().getPages().getLast().contains("page=3"));

        Droplets last = digitalOcean.getAvailableDropletsByTagName("batch", 3, 2);
        assertEquals(1, last.getDroplets().size());
        assertNull(last.getLinks().getPages().getNext(), "the last page has no next link");
        assertTrue(last.getLinks().getPages().getPrev().contains("page=2"));

        Set<String> names = new HashSet<>();
        for (int page = 1; page <= 3; page++) {
            digitalOcean.getAvailableDropletsByTagName("batch", page, 2).getDroplets()
                    .forEach(d -> names.add(d.getName()));
        }
        assertEquals(Set.of("tagged-1", "tagged-2", "tagged-3", "tagged-4", "tagged-5"), names);

        JsonNode single = json(http.get("/v2/droplets?tag_name=batch", bearer()));
        assertTrue(single.path("links").isEmpty(), "one page needs no page links");
        assertEquals(5, single.path("meta").path("total").asInt());
    }

    @Test
    void unknownSizeIsUnprocessable() {
        Droplet request = new Droplet();
        request.setName("web-1");
        request.setRegion(new Region("fra1"));
        request.setSize("s-64vcpu-1tb");
        request.setImage(new Image("ubuntu-24-04-x64"));

        DigitalOceanException error = assertThrows(DigitalOceanException.class, () -> digitalOcean.createDroplet(request));

        assertEquals(422, error.getHttpStatusCode());
        assertEquals("unprocessable_entity", error.getId());
        assertTrue(sim.state().droplets().isEmpty());
    }

    @Test
    void unknownRegionAndMissingNameAreUnprocessable() {
        HttpResponse<String> badRegion = http.postJson("/v2/droplets",
                "{\"name\":\"a\",\"region\":\"mars1\",\"size\":\"s-1vcpu-1gb\",\"image\":\"debian-12-x64\"}", bearer());
        assertEquals(422, badRegion.statusCode());
        assertEquals("unprocessable_entity", json(badRegion).path("id").asText());

        HttpResponse<String> noName = http.postJson("/v2/droplets",
                "{\"region\":\"fra1\",\"size\":\"s-1vcpu-1gb\",\"image\":\"debian-12-x64\"}", bearer());
        assertEquals(422, noName.statusCode());
    }

    @Test
    void requestsWithoutBearerTokenAreUnauthorized() {
        HttpResponse<String> response = http.get("/v2/droplets");

        assertEquals(401, response.statusCode());
        JsonNode body = json(response);
        assertEquals("unauthorized", body.path("id").asText());
        assertEquals("Unable to authenticate you.", body.path("message").asText());
        assertEquals(401, http.get("/v2/account", "Authorization", "Bearer ").statusCode());
    }

    @Test
    void sizesCarryListPrices() throws Exception {
        List<Size> sizes = digitalOcean.getAvailableSizes(1).getSizes();

        Size size = sizes.stream().filter(s -> s.getSlug().equals("s-2vcpu-4gb")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("24.0").compareTo(size.getPriceMonthly()));
        assertEquals(0, new BigDecimal("0.03571").compareTo(size.getPriceHourly()));
        assertEquals(4096, size.getMemorySizeInMb());
        assertEquals(2, size.getVirutalCpuCount());
        assertEquals(80, size.getDiskSize());
        assertTrue(size.getRegions().contains("nyc3"));

        JsonNode raw = json(http.get("/v2/sizes", bearer()));
        assertEquals(sizes.size(), raw.path("meta").path("total").asInt());
        assertTrue(raw.path("links").isEmpty());
    }

    @Test
    void regionsAndAccountAnswer() throws Exception {
        List<Region> regions = digitalOcean.getAvailableRegions(1).getRegions();
        assertTrue(regions.stream().anyMatch(r -> r.getSlug().equals("nyc3") && r.isAvailable()));
        assertTrue(regions.stream().anyMatch(r -> r.getSlug().equals("sgp1")));

        assertEquals("active", digitalOcean.getAccountInfo().getStatus());
    }

    @Test
    void deleteRemovesDropletAndLaterLookupsAre404() throws Exception {
        int id = createRaw("doomed", "s-1vcpu-2gb", "[\"gone\"]");

        assertTrue(digitalOcean.deleteDroplet(id).getIsRequestSuccess());

        DigitalOceanException error = assertThrows(DigitalOceanException.class, () -> digitalOcean.getDropletInfo(id));
        assertEquals(404, error.getHttpStatusCode());
        assertEquals("The resource you were accessing could not be found.",
                json(http.get("/v2/droplets/" + id, bearer())).path("message").asText());
    }

    @Test
    void deleteByTagRemovesOnlyTaggedDroplets() {
        createRaw("a", "s-1vcpu-1gb", "[\"drain\"]");
        createRaw("b", "s-1vcpu-1gb", "[\"drain\"]");
        createRaw("keep", "s-1vcpu-1gb", "[\"stay\"]");

        assertEquals(204, http.send("DELETE", "/v2/droplets?tag_name=drain", null, bearer()).statusCode());

        assertEquals(List.of("keep"), sim.state().droplets().stream().map(d -> d.name()).toList());
    }

    @Test
    void theSdkPowersOffResizesAndPowersOnADroplet() throws Exception {
        int id = createRaw("resizable", "s-1vcpu-1gb", "[]");
        awaitStatus(id, DropletStatus.ACTIVE);

        Action powerOff = digitalOcean.powerOffDroplet(id);
        assertEquals(ActionType.POWER_OFF, powerOff.getType());
        assertEquals(ActionStatus.IN_PROGRESS, powerOff.getStatus());
        assertEquals(id, powerOff.getResourceId().intValue());
        awaitStatus(id, DropletStatus.OFF);
        assertEquals(ActionStatus.COMPLETED, digitalOcean.getActionInfo(powerOff.getId()).getStatus());

        Action resize = digitalOcean.resizeDroplet(id, "s-2vcpu-4gb", true);
        assertEquals(ActionType.RESIZE, resize.getType());
        awaitAction(resize.getId());
        Droplet resized = digitalOcean.getDropletInfo(id);
        assertEquals("s-2vcpu-4gb", resized.getSize());
        assertEquals(4096, resized.getMemorySizeInMb());
        assertEquals(80, resized.getDiskSize());

        digitalOcean.powerOnDroplet(id);
        awaitStatus(id, DropletStatus.ACTIVE);
        assertEquals(4, digitalOcean.getAvailableDropletActions(id, 1, 20).getActions().size(),
                "create, power_off, resize, power_on");
        DigitalOceanException onAgain =
                assertThrows(DigitalOceanException.class, () -> digitalOcean.powerOnDroplet(id));
        assertEquals(422, onAgain.getHttpStatusCode());
    }

    @Test
    void injectedRateLimitFailsTwiceThenSucceeds() throws Exception {
        HttpResponse<String> armed = http.postJson("/_sim/faults", "{\"provider\":\"digitalocean\","
                + "\"pathPrefix\":\"/v2/droplets\",\"method\":\"GET\",\"status\":429,\"count\":2,"
                + "\"retryAfterSeconds\":1}");
        assertEquals(201, armed.statusCode());

        HttpResponse<String> limited = http.get("/v2/droplets", bearer());
        assertEquals(429, limited.statusCode());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("0", limited.headers().firstValue("ratelimit-remaining").orElseThrow());
        assertEquals("too_many_requests", json(limited).path("id").asText());

        DigitalOceanException viaSdk = assertThrows(DigitalOceanException.class,
                () -> digitalOcean.getAvailableDroplets(1, 20));
        assertEquals(429, viaSdk.getHttpStatusCode());

        assertEquals(0, digitalOcean.getAvailableDroplets(1, 20).getDroplets().size());
        assertFalse(http.get("/v2/account", bearer()).headers().firstValue("ratelimit-limit").isEmpty());
    }

    private Droplet awaitStatus(int id, DropletStatus wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Droplet droplet = digitalOcean.getDropletInfo(id);
            if (droplet.getStatus() == wanted) {
                return droplet;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("droplet " + id + " still " + droplet.getStatus());
            }
            Thread.sleep(50);
        }
    }

    private void awaitAction(int actionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (digitalOcean.getActionInfo(actionId).getStatus() != ActionStatus.COMPLETED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("action " + actionId + " never completed");
            }
            Thread.sleep(50);
        }
    }

    private int createRaw(String name, String size, String tags) {
        HttpResponse<String> response = http.postJson("/v2/droplets", "{\"name\":\"" + name + "\",\"region\":\"nyc3\","
                + "\"size\":\"" + size + "\",\"image\":\"ubuntu-24-04-x64\",\"tags\":" + tags + "}", bearer());
        assertEquals(202, response.statusCode(), response.body());
        return json(response).path("droplet").path("id").asInt();
    }

    private static String[] bearer() {
        return new String[] {"Authorization", "Bearer " + TOKEN};
    }

    private static JsonNode json(HttpResponse<String> response) {
        return SimJson.read(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }
}
