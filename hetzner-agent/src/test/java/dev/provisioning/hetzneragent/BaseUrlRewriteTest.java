package dev.provisioning.hetzneragent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.provisioning.hetzneragent.client.HetznerClients;
import dev.provisioning.hetzneragent.config.HetznerConfig;
import dev.provisioning.hetzneragent.config.TestHetznerConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tomsdevsn.hetznercloud.HetznerCloudAPI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK, whose base URL is a constant, reaches a local endpoint through the OkHttp interceptor. */
class BaseUrlRewriteTest {

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"servers\":[],\"meta\":{\"pagination\":{\"page\":1,\"per_page\":25,"
                    + "\"previous_page\":null,\"next_page\":null,\"last_page\":1,\"total_entries\":0}}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    static HetznerConfig config(String endpoint) {
        return TestHetznerConfig.local(endpoint, "local-token");
    }

    @Test
    void sdkRequestsGoToTheConfiguredEndpoint() {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        HetznerCloudAPI api = new HetznerCloudAPI("local-token", HetznerClients.httpClient(config(endpoint)));

        api.getServers("app=web");

        assertEquals(List.of("GET /v1/servers?label_selector=app=web Bearer local-token"), requests);
    }

    @Test
    void aTrailingSlashOnTheEndpointMakesNoDoubleSlash() {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
        HetznerCloudAPI api = new HetznerCloudAPI("local-token", HetznerClients.httpClient(config(endpoint)));

        api.getServers();

        assertEquals("GET /v1/servers Bearer local-token", requests.get(0));
    }
}
