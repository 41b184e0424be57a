package dev.provisioning.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test resources as Quarkus calls them: init, start, the properties they return. */
class TestResourcesTest {

    @Test
    void postgresResourceCreatesTheNamedDatabaseAndSharesOneServer() throws Exception {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of("database", "planner"));
        Map<String, String> config = resource.start();
        assertEquals(PostgresTestResource.database("planner"), config);
        assertTrue(config.get("quarkus.datasource.jdbc.url").matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/planner"));
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertTrue(connection.isValid(5));
        }
        PostgresTestResource another = new PostgresTestResource();
        another.init(Map.of());
        Map<String, String> app = another.start();
        assertTrue(app.get("quarkus.datasource.jdbc.url").endsWith("/app"));
        assertEquals(config.get("quarkus.datasource.jdbc.url").replace("/planner", "/app"),
                app.get("quarkus.datasource.jdbc.url"), "one server per JVM");
    }

    @Test
    void cloudSimResourceServesTheSimulatorOnAFreePort() throws Exception {
        Map<String, String> config = new CloudSimTestResource().start();
        assertEquals(CloudSimTestResource.sim().url(), config.get("provisioning.cloud-sim.url"));
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(config.get("provisioning.cloud-sim.url") + "/_sim/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
    }
}
