package dev.provisioning.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.deploy.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher against a real Kafka child JVM and a real PostgreSQL, with small stand-ins for
 * cloud-sim and the services (the real ones are other modules, built later in the reactor).
 */
class StackProcessesTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void fakeRepository() throws IOException {
        // As root, PostgreSQL runs as user postgres and must reach .local/data inside.
        Files.setPosixFilePermissions(repo, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(repo.resolve("deploy/workspaces/slice"));
        Files.copy(Path.of("workspaces/slice/workspace.json"), repo.resolve("deploy/workspaces/slice/workspace.json"));
        writeLauncherJar(repo.resolve("cloud-sim/target/cloud-sim-0.1.0-SNAPSHOT.jar"));
        writeLauncherJar(repo.resolve("planner-service/target/quarkus-app/quarkus-run.jar"));
        writeLauncherJar(repo.resolve("aws-agent/target/quarkus-app/quarkus-run.jar"));
        writeLauncherJar(repo.resolve("dns-service/target/quarkus-app/quarkus-run.jar"));
    }

    @org.junit.jupiter.api.AfterEach
    void showProgress() {
        System.out.print(output.toString(StandardCharsets.UTF_8));
    }

    @Test
    void startsAppliesAWorkspaceAndStopsEverything() throws Exception {
        StackOptions options = freePorts();
        List<Long> pids = new ArrayList<>();
        try (StackProcesses stack = StackProcesses.start(repo, options)) {
            RolloutReport report = stack.applyWorkspace(repo.resolve("deploy/workspaces/slice"));
            assertTrue(report.succeeded(), report.render());
            assertEquals("slice", report.workspace());
            assertEquals("SUCCEEDED", report.rollout().path("steps").get(0).path("status").asText());
            assertTrue(report.render().contains("us.api.example.com"), report.render());

            JsonNode planner = new JsonHttp().get(stack.plannerUrl() + "/settings").body();
            assertEquals(stack.postgresJdbcUrl("planner"), planner.path("jdbcUrl").asText());
            assertTrue(planner.path("hasPassword").asBoolean());
            assertEquals(stack.kafkaBootstrapServers(), planner.path("kafka").asText());
            assertEquals(stack.cloudSimUrl(), planner.path("cloudSim").asText());
            JsonNode agent = new JsonHttp().get(stack.serviceUrl("aws-agent") + "/settings").body();
            assertEquals("", agent.path("jdbcUrl").asText(), "a stateless agent gets no datasource");

            assertTrue(Files.readString(stack.logFile("kafka")).contains("Kafka broker ready on"));
            assertTrue(Files.exists(stack.logFile("postgres")));
            new PidFiles(repo.resolve(".local/pids")).readAll().forEach(p -> pids.add(p.pid()));
            assertEquals(6, pids.size(), "kafka, postgres, cloud-sim and three services recorded");
        }
        assertNoneAlive(pids);
        assertTrue(new PidFiles(repo.resolve(".local/pids")).readAll().isEmpty());
        assertFalse(output.toString(StandardCharsets.UTF_8).contains(
                Files.readString(repo.resolve(".local/data/postgres/provisioning-superuser.password"))),
                "the database password is never printed");
    }

    @Test
    void aDetachedStackIsReportedAsRunningAndStoppedFromItsPidFiles() throws Exception {
        StackOptions options = freePorts();
        StackProcesses stack = StackProcesses.start(repo, options);
        stack.detach();
        List<Long> pids = new ArrayList<>();
        new PidFiles(repo.resolve(".local/pids")).readAll().forEach(p -> pids.add(p.pid()));

        assertEquals(6, StackProcesses.runningRecorded(repo, Path.of(".local")).size());
        StackAlreadyRunningException refused = assertThrows(StackAlreadyRunningException.class,
                () -> StackProcesses.start(repo, options));
        assertTrue(refused.getMessage().contains("deploy/local/down"), refused.getMessage());

        List<String> stopped = StackProcesses.stopRecorded(repo, Path.of(".local"), new PrintStream(output, true));
        assertEquals(List.of("aws-agent", "dns-service", "planner-service", "cloud-sim", "kafka", "postgres"), stopped);
        assertNoneAlive(pids);
        assertTrue(StackProcesses.runningRecorded(repo, Path.of(".local")).isEmpty());
    }

    private StackOptions freePorts() {
        // Free ports, never the defaults: a developer's own local stack may be running on this machine.
        int planner = FreePorts.pick();
        int agent = FreePorts.pickOtherThan(planner);
        int dns = FreePorts.pick();
        return StackOptions.defaults()
                .withKafkaPort(FreePorts.pick())
                .withPostgresPort(FreePorts.pick())
                .withCloudSimPort(FreePorts.pick())
                .withServices(List.of(new StackService("planner-service", planner, "planner", 64),
                        new StackService("aws-agent", agent, null, 64),
                        new StackService("dns-service", dns, "dnsservice", 64)))
                .withProgress(new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private static void assertNoneAlive(List<Long> pids) {
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still alive");
        }
    }

    /** A jar that only names FakeStackService and this module's test classes, as {@code java -jar} needs. */
    private static void writeLauncherJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeStackService.class.getName());
        Path testClasses = Path.of(FakeStackService.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toUri().toString());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar.
        }
    }
}
