package dev.provisioning.awsagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.provisioning.awsagent.client.AwsClients;
import dev.provisioning.awsagent.config.AwsConfig;
import dev.provisioning.awsagent.config.TestAwsConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

/** The EC2 client built from the agent's configuration signs its requests and sends them to the override endpoint. */
class Ec2EndpointTest {

    HttpServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                    + "<requestId>r-1</requestId><regionInfo><item><regionName>us-east-1</regionName>"
                    + "<regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint></item></regionInfo>"
                    + "</DescribeRegionsResponse>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
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

    @Test
    void requestsGoToTheOverrideEndpointSignedForEc2() {
        AwsConfig config = TestAwsConfig.local("http://127.0.0.1:" + server.getAddress().getPort(), "eu-central-1",
                null, "AKIDLOCAL", "local-secret");

        try (Ec2Client ec2 = AwsClients.ec2Client(config)) {
            DescribeRegionsResponse regions = ec2.describeRegions();
            assertEquals("us-east-1", regions.regions().get(0).regionName());
        }
        assertEquals(1, authorizations.size());
        assertTrue(authorizations.get(0).contains("Credential=AKIDLOCAL/"), authorizations.get(0));
        assertTrue(authorizations.get(0).contains("/eu-central-1/ec2/aws4_request"), authorizations.get(0));
    }
}
