package dev.provisioning.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.Topics;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.KafkaTopics;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "planner"))
@QuarkusTestResource(CloudSimTestResource.class)
class InvalidWorkspaceTest {

    static final String RESOURCES = "regions.us-east.resources[0]";

    static Stream<Arguments> brokenWorkspaces() {
        return Stream.of(
                Arguments.of("bad-size", WorkspaceResourceTest.workspace("s-99vcpu-1tb", "nyc3"),
                        RESOURCES + ".size", "s-99vcpu-1tb", "s-2vcpu-4gb"),
                Arguments.of("bad-region", WorkspaceResourceTest.workspace("s-2vcpu-4gb", "atlantis1"),
                        "regions.us-east.location", "atlantis1", "nyc3"),
                Arguments.of("no-name", """
                        {"dns": {"domain": "api.example.com"}, "regions": {"us-east": {"provider": "digitalocean",
                          "location": "nyc3", "resources": [{"kind": "droplet", "size": "s-2vcpu-4gb"}]}}}""",
                        RESOURCES + ".name", null, null),
                Arguments.of("bad-provider", """
                        {"dns": {"domain": "api.example.com"}, "regions": {"us-east": {"provider": "linode",
                          "location": "nyc3", "resources": []}}}""",
                        "regions.us-east.provider", "linode", "digitalocean"),
                Arguments.of("bad-kind", """
                        {"dns": {"domain": "api.example.com"}, "regions": {"us-east": {"provider": "digitalocean",
                          "location": "nyc3", "resources": [{"kind": "mainframe", "name": "m1"}]}}}""",
                        RESOURCES + ".kind", "mainframe", "droplet"),
                Arguments.of("bad-count", """
                        {"dns": {"domain": "api.example.com"}, "regions": {"us-east": {"provider": "digitalocean",
                          "location": "nyc3", "resources": [{"kind": "droplet", "name": "a", "count": -1, "size": "s-2vcpu-4gb"}]}}}""",
                        RESOURCES + ".count", "-1", null),
                Arguments.of("no-domain", """
                        {"regions": {"us-east": {"provider": "digitalocean", "location": "nyc3", "resources": []}}}""",
                        "dns", null, null),
                Arguments.of("malformed", "{\"dns\": {\"domain\": \"api.example.com\"}, \"regions\": {",
                        "$", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenWorkspaces")
    void isRefusedWithTheFieldAndStoresAndSendsNothing(String name, String body, String field, String value,
                                                       String allowed) {
        var response = given().contentType(ContentType.JSON).body(body).post("/api/v1/workspaces/" + name).then()
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        if (value != null) {
            response.body("errors.find { it.field == '" + field + "' }.value", equalTo(value));
        }
        if (allowed != null) {
            response.body("errors.find { it.field == '" + field + "' }.allowed", hasItem(allowed));
        }
        if ("malformed".equals(name)) {
            response.body("errors[0].message", containsString("line"));
        }

        given().get("/api/v1/workspaces/" + name).then().statusCode(404);
        given().post("/api/v1/workspaces/" + name + "/apply").then().statusCode(404);
        assertEquals(0, KafkaTopics.collect(Topics.commands(Provider.DIGITALOCEAN),
                r -> r.key() != null && r.key().startsWith(name + "/"), Duration.ofSeconds(1)).size());
    }
}
