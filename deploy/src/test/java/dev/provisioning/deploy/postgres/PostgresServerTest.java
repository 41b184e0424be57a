package dev.provisioning.deploy.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path root;

    @Test
    void startsCreatesADatabaseAnswersAndStopsWithoutLeavingAProcess() throws Exception {
        // As root the server runs as user postgres, which must be able to traverse the temp dir.
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = root.resolve("data");
        long started = System.nanoTime();
        long pid;
        try (PostgresServer server = PostgresServer.start(data, 0, PostgresOptions.forTests())) {
            System.out.printf("PostgreSQL started in %d ms from %s%n", (System.nanoTime() - started) / 1_000_000, server.binDir());
            pid = server.pid();
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertEquals("provisioning", server.username());
            assertEquals("jdbc:postgresql://127.0.0.1:" + server.port() + "/planner", server.jdbcUrl("planner"));

            server.createDatabase("planner");
            server.createDatabase("planner");
            try (Connection connection = server.connect("planner");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select 1, current_database(), current_setting('fsync')")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1));
                assertEquals("planner", rows.getString(2));
                assertEquals("off", rows.getString(3));
            }
            assertFalse(server.logFile().toString().isEmpty());
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "postmaster gone after close");
        assertFalse(PostgresServer.isRunning(data));
        assertFalse(Files.exists(data.resolve("postmaster.pid")));
    }

    @Test
    void restartsOnAnExistingClusterWithTheStoredPassword() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = root.resolve("data");
        String password;
        try (PostgresServer first = PostgresServer.start(data, 0, PostgresOptions.forTests())) {
            password = first.password();
            first.createDatabase("kept");
        }
        long started = System.nanoTime();
        try (PostgresServer second = PostgresServer.start(data, 0, PostgresOptions.forTests())) {
            System.out.printf("PostgreSQL restarted in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertEquals(password, second.password());
            try (Connection connection = second.connect("kept")) {
                assertTrue(connection.isValid(5));
            }
        }
    }

    @Test
    void runsTheBinariesBundledInTheMavenArtifact() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        long unpacking = System.nanoTime();
        Path bundled = PostgresBinaries.bundled();
        System.out.printf("bundled binaries ready in %d ms at %s%n", (System.nanoTime() - unpacking) / 1_000_000, bundled);
        try (PostgresServer server = PostgresServer.start(root.resolve("data"), 0,
                PostgresOptions.forTests().withBinaries(bundled))) {
            try (Connection connection = server.connect("postgres");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select current_setting('server_version_num')::int")) {
                assertTrue(rows.next());
                assertTrue(rows.getInt(1) >= 150000);
            }
        }
    }
}
