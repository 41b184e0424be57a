package dev.provisioning.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.deploy.FreePorts;
import dev.provisioning.deploy.local.StackOptions;
import dev.provisioning.deploy.local.StackProcesses;
import dev.provisioning.deploy.local.StackService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.provisioning.contracts.Topics;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The whole stack as separate processes, as {@code deploy/local/up} starts them, on free ports so a local stack left
 * running on this machine does not interfere; plus the HTTP calls the system tests make.
 */
final class StackFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path repoRoot;
    final StackProcesses stack;

    private StackFixture(Path repoRoot, StackOptions options) {
        this.repoRoot = repoRoot;
        this.stack = StackProcesses.start(repoRoot, options);
    }

    /** Starts the stack; {@code environment} pairs go to every service (e.g. tracing settings). */
    static StackFixture start(String... environment) throws IOException {
        Path root = Path.of(System.getProperty("provisioning.repo.root", "..")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("system-test-stack-");
        Set<Integer> taken = new HashSet<>();
        StackOptions options = StackOptions.defaults()
                .withKafkaPort(freePort(taken))
                .withPostgresPort(freePort(taken))
                .withCloudSimPort(freePort(taken))
                .withStateDir(state);
        for (int i = 0; i + 1 < environment.length; i += 2) {
            options = options.withEnvironment(environment[i], environment[i + 1]);
        }
        for (StackService service : StackService.DEFAULTS) {
            options = options.withServicePort(service.name(), freePort(taken));
        }
        return new StackFixture(root, options);
    }

    /** A free port not yet handed to another component of this stack. */
    private static int freePort(Set<Integer> taken) {
        int port;
        do {
            port = FreePorts.pick();
        } while (!taken.add(port));
        return port;
    }

    String planner() {
        return stack.plannerUrl();
    }

    String service(String name) {
        return stack.serviceUrl(name);
    }

    String cloudSim() {
        return stack.cloudSimUrl();
    }

    HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorizeForCloudSim(url, request);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String url) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
            authorizeForCloudSim(url, request);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " → " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void authorizeForCloudSim(String url, HttpRequest.Builder request) {
        if (url.startsWith(cloudSim())) {
            request.header("Authorization", "Bearer system-test-token");
        }
    }

    /** The first record on the events topic, from the beginning, that {@code matching} accepts, within 30 s. */
    ConsumerRecord<String, String> readEvent(Predicate<ConsumerRecord<String, String>> matching) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (matching.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + Topics.EVENTS);
    }

    /** Waits for a rollout to end; fails at once if it FAILED, with the steps that failed. */
    JsonNode awaitRollout(String rolloutId, Duration timeout) throws InterruptedException {
        return await("rollout " + rolloutId + " SUCCEEDED", timeout, () -> getJson(planner() + "/api/v1/rollouts/" + rolloutId),
                r -> {
                    if ("FAILED".equals(r.path("status").asText())) {
                        throw new AssertionError("rollout failed: " + r.toPrettyString());
                    }
                    return "SUCCEEDED".equals(r.path("status").asText());
                });
    }

    static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + "; last seen: " + last, lastError);
    }

    @Override
    public void close() {
        stack.close();
    }
}
