package dev.provisioning.cloudsim.aws.rds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.RawHttp;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.state.RdsInstance;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RDS query protocol on the wire: routing by signing scope, response and error shapes, parameter spelling. */
class RdsQueryApiTest {

    static final String PASSWORD = "wire0Password0never0echoed";

    static CloudSim sim;
    static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withRdsDelay(Duration.ZERO));
        http = new RawHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
    }

    static HttpResponse<String> call(String region, String service, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("Version", "2014-10-31");
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send("POST", "/", body, "Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261127/" + region + "/" + service
                        + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc");
    }

    static Map<String, String> create(String identifier) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "CreateDBInstance");
        params.put("DBInstanceIdentifier", identifier);
        params.put("DBInstanceClass", "db.t3.micro");
        params.put("Engine", "postgres");
        params.put("EngineVersion", "16");
        params.put("AllocatedStorage", "20");
        params.put("MasterUsername", "provadmin");
        params.put("MasterUserPassword", PASSWORD);
        params.put("Tags.Tag.1.Key", "prov:address");
        params.put("Tags.Tag.1.Value", "ws/eu/rds-instance/" + identifier);
        return params;
    }

    @Test
    void createAnswersWithTheResultWrapperAndNamedListEntriesButNoPassword() {
        HttpResponse<String> created = call("eu-west-1", "rds", create("Orders"));

        assertEquals(200, created.statusCode(), created.body());
        String body = created.body();
        assertTrue(body.contains("<CreateDBInstanceResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<CreateDBInstanceResult><DBInstance><DBInstanceIdentifier>orders</DBInstanceIdentifier>"), body);
        assertTrue(body.contains("<DBInstanceStatus>creating</DBInstanceStatus>"), body);
        assertTrue(body.contains("<EngineVersion>16.8</EngineVersion>"), body);
        assertTrue(body.contains("<TagList><Tag><Key>prov:address</Key><Value>ws/eu/rds-instance/Orders</Value></Tag>"
                + "</TagList>"), body);
        assertTrue(body.contains("<ResponseMetadata><RequestId>"), body);
        assertFalse(body.contains("<member>"), body);
        assertFalse(body.contains(PASSWORD), "the master password is never returned");

        String described = call("eu-west-1", "rds", Map.of("Action", "DescribeDBInstances",
                "Filters.Filter.1.Name", "db-instance-id", "Filters.Filter.1.Values.Value.1", "orders")).body();
        assertTrue(described.contains("<DescribeDBInstancesResult><DBInstances><DBInstance>"), described);
        assertTrue(described.contains("<Endpoint><Address>orders.c"), described);
        assertTrue(described.contains(".eu-west-1.rds.amazonaws.com</Address><Port>5432</Port>"), described);
        assertFalse(described.contains(PASSWORD));
        RdsInstance stored = sim.state().rdsInstances().get(0);
        assertEquals(PASSWORD, stored.masterUserPassword(), "the simulator keeps it for tests to look for");
    }

    @Test
    void errorsUseTheErrorResponseShapeAndRdsCodes() {
        HttpResponse<String> missing = call("eu-west-1", "rds", Map.of("Action", "DescribeDBInstances",
                "DBInstanceIdentifier", "nothing"));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error>"
                + "<Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance nothing not found.</Message>"
                + "</Error><RequestId>"), missing.body());

        Map<String, String> badClass = create("big");
        badClass.put("DBInstanceClass", "db.t3.gigantic");
        HttpResponse<String> refused = call("eu-west-1", "rds", badClass);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<Code>InvalidParameterCombination</Code>"), refused.body());
        assertTrue(refused.body().contains("DBInstanceClass=db.t3.gigantic"), refused.body());

        Map<String, String> badPassword = create("weak");
        badPassword.put("MasterUserPassword", "has space@" + PASSWORD);
        HttpResponse<String> weak = call("eu-west-1", "rds", badPassword);
        assertTrue(weak.body().contains("<Code>InvalidParameterValue</Code>"), weak.body());
        assertFalse(weak.body().contains(PASSWORD), "a refused password is not repeated either");

        call("eu-west-1", "rds", create("orders"));
        HttpResponse<String> again = call("eu-west-1", "rds", create("orders"));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("<Code>DBInstanceAlreadyExists</Code>"), again.body());

        HttpResponse<String> unknown = call("eu-west-1", "rds", Map.of("Action", "StartDBCluster"));
        assertTrue(unknown.body().contains("<Code>InvalidAction</Code>"), unknown.body());
    }

    @Test
    void theSigningScopeChoosesServiceAndRegion() {
        call("eu-west-1", "rds", create("orders"));
        assertFalse(call("us-east-1", "rds", Map.of("Action", "DescribeDBInstances")).body()
                .contains("<DBInstance>"), "instances belong to the region they were created in");
        HttpResponse<String> elb = call("eu-west-1", "elasticloadbalancing", Map.of("Action", "DescribeDBInstances",
                "Version", "2015-12-01"));
        assertTrue(elb.body().contains("<Code>InvalidAction</Code>"), "the same action signed for ELB is not RDS's");
    }

    @Test
    void injectedFaultsAnswerInTheRdsNamespace() {
        sim.faults().add(Fault.of("rds", null, null, 429, 1));
        HttpResponse<String> throttled = call("eu-west-1", "rds", Map.of("Action", "DescribeDBInstances"));
        assertEquals(429, throttled.statusCode());
        assertTrue(throttled.body().contains("<Code>Throttling</Code>"), throttled.body());
        assertTrue(throttled.body().contains("http://rds.amazonaws.com/doc/2014-10-31/"), throttled.body());
    }
}
