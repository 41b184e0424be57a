package dev.provisioning.deploy.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for cloud-sim and the Quarkus services in launcher tests: answers the health checks
 * and the few planner, DNS and cost calls the launcher makes, and shows which settings it got.
 */
public final class FakeStackService {

    private FakeStackService() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length == 2 && args[0].equals("--port")
                ? Integer.parseInt(args[1])
                : Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        AtomicInteger polls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/_sim/health") || path.equals("/q/health/ready")) {
                reply(exchange, 200, "{\"status\":\"UP\"}");
            } else if (path.equals("/settings")) {
                reply(exchange, 200, "{\"jdbcUrl\":\"" + env("QUARKUS_DATASOURCE_JDBC_URL")
                        + "\",\"kafka\":\"" + env("KAFKA_BOOTSTRAP_SERVERS")
                        + "\",\"cloudSim\":\"" + env("PROVISIONING_CLOUD_SIM_URL")
                        + "\",\"hasPassword\":" + !env("QUARKUS_DATASOURCE_PASSWORD").isEmpty() + "}");
            } else if (method.equals("POST") && path.matches("/api/v1/workspaces/[^/]+")) {
                exchange.getRequestBody().readAllBytes();
                reply(exchange, 201, "{}");
            } else if (method.equals("POST") && path.matches("/api/v1/workspaces/[^/]+/apply")) {
                reply(exchange, 202, "{\"rolloutId\":\"r-1\",\"status\":\"RUNNING\"}");
            } else if (path.equals("/api/v1/rollouts/r-1")) {
                String status = polls.incrementAndGet() < 2 ? "RUNNING" : "SUCCEEDED";
                reply(exchange, 200, "{\"id\":\"r-1\",\"status\":\"" + status + "\",\"steps\":[{\"key\":"
                        + "\"slice/us-east/droplet/us-app-1\",\"kind\":\"PROVISION\",\"status\":\"" + status
                        + "\",\"providerId\":\"1001\",\"detail\":null}]}");
            } else if (path.startsWith("/api/v1/dns/")) {
                reply(exchange, 200, "[{\"name\":\"us.api.example.com\",\"type\":\"A\",\"value\":\"203.0.113.10\"}]");
            } else if (path.startsWith("/api/v1/costs/")) {
                reply(exchange, 200, "{\"monthlyUsd\":72.0}");
            } else {
                reply(exchange, 404, "{}");
            }
        });
        server.start();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
