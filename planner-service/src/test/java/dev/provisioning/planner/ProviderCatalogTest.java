package dev.provisioning.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hetzner and AWS regions checked against their own catalogs in cloud-sim; deprecated server types warned about. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "planner"))
@QuarkusTestResource(CloudSimTestResource.class)
class ProviderCatalogTest {

    static final String FIRST = "regions.edge.resources[0]";

    static String hetzner(String location, String resources) {
        return region("hetzner", location, resources);
    }

    static String server(String type) {
        return "[{\"kind\": \"server\", \"name\": \"app\", \"server_type\": \"" + type + "\"}]";
    }

    static String aws(String location, String resources) {
        return region("aws", location, resources);
    }

    static String instance(String type, String imageId) {
        return "[{\"kind\": \"ec2-instance\", \"name\": \"app\", \"instance_type\": \"" + type + "\""
                + (imageId == null ? "" : ", \"image_id\": \"" + imageId + "\"") + "}]";
    }

    static String region(String provider, String location, String resources) {
        return "{\"dns\": {\"domain\": \"api.example.com\"}, \"regions\": {\"edge\": {\"provider\": \"" + provider
                + "\", \"location\": \"" + location + "\", \"resources\": " + resources + "}}}";
    }

    static Stream<Arguments> outsideTheCatalogs() {
        return Stream.of(
                Arguments.of("hetzner-location", hetzner("atlantis1", server("cpx22")),
                        "regions.edge.location", "atlantis1", "nbg1"),
                Arguments.of("hetzner-server-type", hetzner("nbg1", server("cpx99")),
                        FIRST + ".server_type", "cpx99", "cpx22"),
                Arguments.of("hetzner-type-not-in-location", hetzner("ash", server("cx22")),
                        FIRST + ".server_type", "cx22", "cpx22"),
                Arguments.of("hetzner-image", hetzner("nbg1",
                        "[{\"kind\": \"server\", \"name\": \"app\", \"server_type\": \"cpx22\", \"image\": \"windows-95\"}]"),
                        FIRST + ".image", "windows-95", "ubuntu-24.04"),
                Arguments.of("hetzner-lb-type", hetzner("nbg1", "[{\"kind\": \"server\", \"name\": \"app\","
                        + " \"server_type\": \"cpx22\"}, {\"kind\": \"load-balancer\", \"name\": \"lb\", \"targets\": [\"app\"],"
                        + " \"load_balancer_type\": \"lb99\"}]"),
                        "regions.edge.resources[1].load_balancer_type", "lb99", "lb11"),
                Arguments.of("aws-region", aws("mars-east-1", instance("t3.medium", null)),
                        "regions.edge.location", "mars-east-1", "ap-southeast-1"),
                Arguments.of("aws-instance-type", aws("ap-southeast-1", instance("t3.gigantic", null)),
                        FIRST + ".instance_type", "t3.gigantic", "t3.medium"),
                Arguments.of("aws-ami", aws("ap-southeast-1", instance("t3.medium", "ami-00000000000000dead")),
                        FIRST + ".image_id", "ami-00000000000000dead", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outsideTheCatalogs")
    void isRefusedWithTheFieldAndValueAndStoresNothing(String name, String body, String field, String value,
                                                       String allowed) {
        var response = given().contentType(ContentType.JSON).body(body).post("/api/v1/workspaces/" + name).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.value", equalTo(value));
        if (allowed != null) {
            response.body("errors.find { it.field == '" + field + "' }.allowed", hasItem(allowed));
        }
        given().get("/api/v1/workspaces/" + name).then().statusCode(404);
    }

    @Test
    void everyProblemOfAnAwsRegionComesBackAtOnce() {
        given().contentType(ContentType.JSON)
                .body(aws("ap-southeast-1", "[{\"kind\": \"ec2-instance\", \"name\": \"a\", \"instance_type\": \"t3.gigantic\","
                        + " \"image_id\": \"ami-00000000000000dead\"}, {\"kind\": \"ec2-instance\", \"name\": \"b\","
                        + " \"instance_type\": \"t3.medium\", \"image_id\": \"ami-0e2c8caa4b6378d8c\"}]"))
                .post("/api/v1/workspaces/aws-two-problems").then().statusCode(400)
                .body("errors.size()", equalTo(2))
                .body("errors.field", hasItem(FIRST + ".instance_type"))
                .body("errors.field", hasItem(FIRST + ".image_id"));
    }

    @Test
    void aDeprecatedServerTypeIsAcceptedWithAWarning() {
        given().contentType(ContentType.JSON).body(hetzner("nbg1", server("cpx21")))
                .post("/api/v1/workspaces/deprecated-type").then().statusCode(201)
                .body("regions.edge.resources[0].spec.server_type", equalTo("cpx21"))
                .body("warnings.size()", equalTo(1))
                .body("warnings[0].field", equalTo(FIRST + ".server_type"))
                .body("warnings[0].value", equalTo("cpx21"))
                .body("warnings[0].message", containsString("cpx21 is deprecated since 2025-10-16"))
                .body("warnings[0].message", containsString("unavailable after 2026-12-31"))
                .body("warnings[0].message", containsString("cpx22 replaces it"));

        given().get("/api/v1/workspaces/deprecated-type").then().statusCode(200)
                .body("regions.edge.resources[0].spec.server_type", equalTo("cpx21"))
                .body("$", not(hasKey("warnings")));

        given().contentType(ContentType.JSON).body(hetzner("nbg1", server("cpx21")))
                .post("/api/v1/workspaces/deprecated-type/plan").then().statusCode(200)
                .body("warnings[0].field", equalTo(FIRST + ".server_type"))
                .body("warnings[0].message", containsString("cpx22 replaces it"));
    }

    @Test
    void validWorkspacesOfEveryProviderCarryNoWarnings() {
        given().contentType(ContentType.JSON).body(hetzner("nbg1", "[{\"kind\": \"server\", \"name\": \"app\","
                        + " \"server_type\": \"cpx22\", \"image\": \"ubuntu-24.04\"}, {\"kind\": \"load-balancer\","
                        + " \"name\": \"lb\", \"targets\": [\"app\"], \"load_balancer_type\": \"lb11\"}]"))
                .post("/api/v1/workspaces/current-hetzner").then().statusCode(201)
                .body("$", not(hasKey("warnings")));
        given().contentType(ContentType.JSON).body(aws("ap-southeast-1", instance("t3.medium", "ami-0e2c8caa4b6378d8c")))
                .post("/api/v1/workspaces/current-aws").then().statusCode(201)
                .body("$", not(hasKey("warnings")))
                .body("regions.edge.location", equalTo("ap-southeast-1"));
        given().contentType(ContentType.JSON).body(aws("ap-southeast-1", instance("t3.medium", null)))
                .post("/api/v1/workspaces/current-aws/plan").then().statusCode(200)
                .body("warnings", nullValue());
    }
}
