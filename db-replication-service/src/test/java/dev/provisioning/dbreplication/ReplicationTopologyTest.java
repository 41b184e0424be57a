package dev.provisioning.dbreplication;

import dev.provisioning.deploy.testing.KafkaTopics;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "replication"))
class ReplicationTopologyTest {

    private static final String SOURCE = "/test/digitalocean-agent";

    @Test
    void readyPrimaryAndReplicaShowUpWithWhereTheyAreHosted() {
        String workspace = uniqueWorkspace();
        send(ready(workspace, "us-east", "database", "pg-main", "nyc3", "4711",
                Map.of("ipv4", "198.51.100.20", "ipv4_private", "10.10.0.5")));
        send(ready(workspace, "eu-central", "database-replica", "pg-eu", "fra1", "4712",
                Map.of("ipv4", "198.51.100.21")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/api/v1/replication/{workspace}", workspace)
                .then().statusCode(200)
                .body("workspace", equalTo(workspace))
                .body("primary.address", equalTo(workspace + "/us-east/database/pg-main"))
                .body("primary.provider", equalTo("digitalocean"))
                .body("primary.providerRegion", equalTo("nyc3"))
                .body("primary.providerId", equalTo("4711"))
                .body("primary.addresses.ipv4", equalTo("198.51.100.20"))
                .body("primary.addresses.ipv4_private", equalTo("10.10.0.5"))
                .body("replicas", hasSize(1))
                .body("replicas[0].address", equalTo(workspace + "/eu-central/database-replica/pg-eu"))
                .body("replicas[0].region", equalTo("eu-central"))
                .body("warnings", hasSize(0)));
    }

    @Test
    void theRoleAndPrimaryComeFromThePlannersContextAcrossProviders() {
        String workspace = uniqueWorkspace();
        String primary = workspace + "/us-east/database/us-db-primary";
        send(ready(workspace, "us-east", "database", "us-db-primary", "nyc3", "c0ffee",
                Map.of("host", "db.example"), Map.of(ContextKeys.DB_ROLE, "primary")));
        send(new ResourceReady("rollout-1", new ResourceAddress(workspace, "asia-southeast", "rds-instance",
                "asia-db-replica"), Provider.AWS, "ap-southeast-1", "arn:aws:rds:ap-southeast-1:000000000000:db:x",
                Map.of("host", "x.rds.amazonaws.com", "port", "5432"), "db.t3.medium",
                "aws:rds:db.t3.medium:ap-southeast-1",
                Map.of(ContextKeys.DB_ROLE, "replica", ContextKeys.DB_PRIMARY, primary), Instant.now()));
        send(ready(workspace, "eu-central", "database-replica", "eu-db-replica", "nbg1", "42",
                Map.of("host", "10.1.0.2"), Map.of(ContextKeys.DB_ROLE, "replica",
                        ContextKeys.DB_PRIMARY, workspace + "/us-west/database/elsewhere")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/api/v1/replication/{workspace}", workspace)
                .then().statusCode(200)
                .body("primary.address", equalTo(primary))
                .body("primary.kind", equalTo("database"))
                .body("replicas", hasSize(2))
                .body("replicas.find { it.name == 'asia-db-replica' }.kind", equalTo("rds-instance"))
                .body("replicas.find { it.name == 'asia-db-replica' }.provider", equalTo("aws"))
                .body("replicas.find { it.name == 'asia-db-replica' }.primaryAddress", equalTo(primary))
                .body("warnings", hasSize(1))
                .body("warnings[0]", startsWith(workspace + "/eu-central/database-replica/eu-db-replica follows ")));
    }

    @Test
    void otherKindsAreIgnored() {
        String workspace = uniqueWorkspace();
        send(ready(workspace, "us-east", "droplet", "us-app-1", "nyc3", "100", Map.of("ipv4", "198.51.100.7")));
        // Sent after the droplet on the same partition: once it shows, the droplet has been consumed.
        send(ready(workspace, "us-east", "database-replica", "pg-r1", "nyc3", "101", Map.of("ipv4", "198.51.100.8")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/api/v1/replication/{workspace}", workspace)
                .then().statusCode(200)
                .body("primary", nullValue())
                .body("replicas", hasSize(1))
                .body("replicas[0].name", equalTo("pg-r1")));
    }

    @Test
    void aWorkspaceWithOnlyOtherKindsIsUnknown() {
        String workspace = uniqueWorkspace();
        ResourceReady droplet = ready(workspace, "us-east", "droplet", "web", "nyc3", "200", Map.of());
        send(droplet);
        String marker = uniqueWorkspace();
        send(ready(marker, "us-east", "database", "pg", "nyc3", "201", Map.of()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/api/v1/replication/{workspace}", marker).then().statusCode(200));

        given().when().get("/api/v1/replication/{workspace}", workspace)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", startsWith("no database of workspace '" + workspace));
    }

    @Test
    void aDeletedReplicaLeavesAndALateReadyDoesNotBringItBack() {
        String workspace = uniqueWorkspace();
        ResourceReady primary = ready(workspace, "us-east", "database", "pg", "nyc3", "300", Map.of());
        ResourceReady replica = ready(workspace, "us-east", "database-replica", "pg-r", "nyc3", "301", Map.of());
        send(primary);
        send(replica);
        send(new ResourceDeleted("rollout-2", replica.address(), Provider.DIGITALOCEAN, "301", Map.of(),
                replica.readyAt().plusSeconds(60)));
        send(replica);
        // Sent last on the same partition: once it shows, the deletion and the late redelivery have been consumed.
        send(ready(workspace, "us-east", "database-replica", "pg-r2", "nyc3", "302", Map.of()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/api/v1/replication/{workspace}", workspace)
                .then().statusCode(200)
                .body("primary.name", equalTo("pg"))
                .body("replicas", hasSize(1))
                .body("replicas[0].name", equalTo("pg-r2")));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String workspace = uniqueWorkspace();
        String key = workspace + "/us-east/database/broken";
        KafkaTopics.send(new ProducerRecord<>(Topics.EVENTS, key, "{not a cloud event"));
        send(ready(workspace, "us-east", "database", "pg", "nyc3", "400", Map.of()));

        assertTrue(KafkaTopics.await(Topics.DEAD_LETTER, r -> key.equals(r.key()), Duration.ofSeconds(30)).isPresent(),
                "the malformed record is on " + Topics.DEAD_LETTER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/api/v1/replication/{workspace}", workspace)
                .then().statusCode(200)
                .body("primary.name", equalTo("pg")));
    }

    @Test
    void anInvalidWorkspaceNameIsABadRequest() {
        given().when().get("/api/v1/replication/{workspace}", "Not_Valid!")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body("detail", startsWith("path parameter 'workspace'"));
    }

    private static ResourceReady ready(String workspace, String region, String kind, String name, String providerRegion,
                                       String providerId, Map<String, String> addresses) {
        return ready(workspace, region, kind, name, providerRegion, providerId, addresses, Map.of());
    }

    private static ResourceReady ready(String workspace, String region, String kind, String name, String providerRegion,
                                       String providerId, Map<String, String> addresses, Map<String, String> context) {
        return new ResourceReady("rollout-1", new ResourceAddress(workspace, region, kind, name), Provider.DIGITALOCEAN,
                providerRegion, providerId, addresses, "db-s-1vcpu-1gb", "digitalocean:database:db-s-1vcpu-1gb:1",
                context, Instant.now());
    }

    private static void send(ResourceReady ready) {
        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, SOURCE, ready));
    }

    private static void send(ResourceDeleted deleted) {
        KafkaTopics.send(CloudEventCodec.encode(Topics.EVENTS, SOURCE, deleted));
    }

    private static String uniqueWorkspace() {
        return "ws-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
