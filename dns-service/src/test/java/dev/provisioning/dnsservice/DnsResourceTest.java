package dev.provisioning.dnsservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "dnsservice"))
@WithTestResource(CloudSimTestResource.class)
class DnsResourceTest {

    @Test
    void anUnknownWorkspaceIsAProblem404() {
        given().when().get("/api/v1/dns/{workspace}", "never-declared")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-workspace"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", containsString("'never-declared'"))
                .body("instance", equalTo("/api/v1/dns/never-declared"));
    }

    @Test
    void anInvalidWorkspaceNameIsAProblem400() {
        given().when().get("/api/v1/dns/{workspace}", "Bad_Name!")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-workspace"))
                .body("detail", startsWith("path parameter 'workspace'"));
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void servesMetricsAndOpenApi() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/dns/{workspace}"));
    }
}
