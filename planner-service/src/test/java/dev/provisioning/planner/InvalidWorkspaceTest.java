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
                        "$", null, null),
                Arguments.of("not-an-object", "[1, 2]", "$", "[1,2]", null),
                Arguments.of("empty-body", "", "$", null, null),
                Arguments.of("bad-domain", region("digitalocean", "nyc3", "[]").replace("api.example.com", "Not A Domain"),
                        "dns.domain", "Not A Domain", null),
                Arguments.of("bad-ttl", region("digitalocean", "nyc3", "[]").replace("\"domain\"", "\"ttl\": 0, \"domain\""),
                        "dns.ttl", "0", null),
                Arguments.of("no-regions", "{\"dns\": {\"domain\": \"api.example.com\"}}", "regions", null, null),
                Arguments.of("empty-regions", "{\"dns\": {\"domain\": \"api.example.com\"}, \"regions\": {}}",
                        "regions", "{}", null),
                Arguments.of("bad-region-name", "{\"dns\": {\"domain\": \"api.example.com\"}, \"regions\": {\"US East\": {}}}",
                        "regions.US East", "US East", null),
                Arguments.of("no-provider", "{\"dns\": {\"domain\": \"api.example.com\"}, \"regions\": {\"us-east\":"
                        + " {\"location\": \"nyc3\", \"resources\": []}}}", "regions.us-east.provider", null, null),
                Arguments.of("no-location", "{\"dns\": {\"domain\": \"api.example.com\"}, \"regions\": {\"us-east\":"
                        + " {\"provider\": \"digitalocean\", \"resources\": []}}}", "regions.us-east.location", null, null),
                Arguments.of("bad-dns-label", region("digitalocean", "nyc3", "[]").replace("\"provider\"", "\"dnsLabel\": \"U S\", \"provider\""),
                        "regions.us-east.dnsLabel", "U S", null),
                Arguments.of("bad-geo", region("digitalocean", "nyc3", "[]").replace("\"provider\"", "\"geo\": \"XX\", \"provider\""),
                        "regions.us-east.geo", "XX", "EU"),
                Arguments.of("resources-not-array", region("digitalocean", "nyc3", "{}"), "regions.us-east.resources", "{}", null),
                Arguments.of("resource-not-object", region("digitalocean", "nyc3", "[\"x\"]"), RESOURCES, "x", null),
                Arguments.of("no-kind", region("digitalocean", "nyc3", "[{\"name\": \"a\"}]"), RESOURCES + ".kind", null, null),
                Arguments.of("bad-resource-name", region("digitalocean", "nyc3",
                        "[{\"kind\": \"droplet\", \"name\": \"App_1!\", \"size\": \"s-2vcpu-4gb\"}]"), RESOURCES + ".name", "App_1!", null),
                Arguments.of("count-too-big", region("digitalocean", "nyc3",
                        "[{\"kind\": \"droplet\", \"name\": \"a\", \"count\": 1000, \"size\": \"s-2vcpu-4gb\"}]"), RESOURCES + ".count", "1000", null),
                Arguments.of("duplicate-name", region("digitalocean", "nyc3",
                        "[{\"kind\": \"droplet\", \"name\": \"a\", \"size\": \"s-2vcpu-4gb\"},"
                        + " {\"kind\": \"droplet\", \"name\": \"a\", \"size\": \"s-2vcpu-4gb\"}]"),
                        "regions.us-east.resources[1].name", "a", null),
                Arguments.of("no-size", region("digitalocean", "nyc3", "[{\"kind\": \"droplet\", \"name\": \"a\"}]"),
                        RESOURCES + ".size", null, null),
                Arguments.of("unknown-vpc", region("digitalocean", "nyc3",
                        "[{\"kind\": \"droplet\", \"name\": \"a\", \"size\": \"s-2vcpu-4gb\", \"vpc\": \"nope\"}]"),
                        RESOURCES + ".vpc", "nope", null),
                Arguments.of("https-without-certificate", region("digitalocean", "nyc3",
                        "[{\"kind\": \"droplet\", \"name\": \"a\", \"size\": \"s-2vcpu-4gb\"},"
                        + " {\"kind\": \"load-balancer\", \"name\": \"lb\", \"targets\": [\"a\"],"
                        + " \"forwarding_rules\": [{\"entry_protocol\": \"https\", \"entry_port\": 443}]}]"),
                        "regions.us-east.resources[1].forwarding_rules[0].certificate_id", null, null),
                Arguments.of("target-of-wrong-kind", region("digitalocean", "nyc3",
                        "[{\"kind\": \"vpc\", \"name\": \"net\", \"ip_range\": \"10.0.0.0/16\"},"
                        + " {\"kind\": \"load-balancer\", \"name\": \"lb\", \"targets\": [\"net\"]}]"),
                        "regions.us-east.resources[1].targets", "net", null),
                Arguments.of("hetzner-server-without-type", region("hetzner", "nbg1",
                        "[{\"kind\": \"server\", \"name\": \"eu-app\"}]"), RESOURCES + ".server_type", null, null),
                Arguments.of("aws-alb-without-vpc", region("aws", "ap-southeast-1",
                        "[{\"kind\": \"ec2-instance\", \"name\": \"i\", \"instance_type\": \"t3.medium\"},"
                        + " {\"kind\": \"alb\", \"name\": \"lb\", \"targets\": [\"i\"]}]"),
                        "regions.us-east.resources[1].vpc", null, null),
                Arguments.of("unknown-default-region", region("digitalocean", "nyc3", "[]").replace("\"domain\"",
                        "\"defaultRegion\": \"mars\", \"domain\""), "dns.defaultRegion", "mars", "us-east"),
                Arguments.of("bad-health-interval", region("digitalocean", "nyc3", "[]").replace("\"domain\"",
                        "\"healthCheck\": {\"interval\": 15}, \"domain\""), "dns.healthCheck.interval", "15", "30"),
                Arguments.of("replica-of-missing-primary", region("aws", "ap-southeast-1",
                        "[{\"kind\": \"rds-instance\", \"name\": \"db\", \"instance_class\": \"db.t3.medium\","
                        + " \"role\": \"replica\", \"primary\": \"us-west/nope\"}]"),
                        RESOURCES + ".primary", "us-west/nope", null),
                Arguments.of("replica-without-primary", region("aws", "ap-southeast-1",
                        "[{\"kind\": \"rds-instance\", \"name\": \"db\", \"instance_class\": \"db.t3.medium\","
                        + " \"role\": \"replica\"}]"), RESOURCES + ".primary", null, null),
                Arguments.of("replica-of-a-replica", region("aws", "ap-southeast-1",
                        "[{\"kind\": \"rds-instance\", \"name\": \"a\", \"instance_class\": \"db.t3.medium\"},"
                        + " {\"kind\": \"rds-instance\", \"name\": \"b\", \"instance_class\": \"db.t3.medium\","
                        + " \"role\": \"replica\", \"primary\": \"a\"},"
                        + " {\"kind\": \"rds-instance\", \"name\": \"c\", \"instance_class\": \"db.t3.medium\","
                        + " \"role\": \"replica\", \"primary\": \"b\"}]"),
                        "regions.us-east.resources[2].primary", "b", "us-east/a"),
                Arguments.of("unknown-database-role", region("aws", "ap-southeast-1",
                        "[{\"kind\": \"rds-instance\", \"name\": \"db\", \"instance_class\": \"db.t3.medium\","
                        + " \"role\": \"leader\"}]"), RESOURCES + ".role", "leader", "replica"),
                Arguments.of("replica-host-not-a-server", region("hetzner", "nbg1",
                        "[{\"kind\": \"volume\", \"name\": \"v\", \"size\": 10},"
                        + " {\"kind\": \"database-replica\", \"name\": \"db\", \"primary\": \"x/y\", \"host\": \"v\"}]"),
                        "regions.us-east.resources[1].host", "v", null),
                Arguments.of("negative-budget", region("digitalocean", "nyc3", "[]").replace("{\"dns\"",
                        "{\"budget\": {\"monthlyUsd\": -5}, \"dns\""), "budget.monthlyUsd", "-5", null),
                Arguments.of("name-mismatch", region("digitalocean", "nyc3", "[]").replace("{\"dns\"", "{\"name\": \"other\", \"dns\""),
                        "name", "other", null));
    }

    static String region(String provider, String location, String resources) {
        return "{\"dns\": {\"domain\": \"api.example.com\"}, \"regions\": {\"us-east\": {\"provider\": \""
                + provider + "\", \"location\": \"" + location + "\", \"resources\": " + resources + "}}}";
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
