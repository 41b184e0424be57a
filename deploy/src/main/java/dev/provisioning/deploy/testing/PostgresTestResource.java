package dev.provisioning.deploy.testing;

import dev.provisioning.deploy.postgres.PostgresOptions;
import dev.provisioning.deploy.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Gives a Quarkus test a PostgreSQL database: one real server per test JVM (fsync off) in a
 * temporary directory, or an external server named by {@value #EXTERNAL_URL_ENV}. The database
 * comes from the init argument {@code database} (default {@code app}) and is created if missing.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    /** A JDBC URL of an external server to use instead of starting one, e.g. {@code jdbc:postgresql://db:5432/postgres}. */
    public static final String EXTERNAL_URL_ENV = "PROVISIONING_TEST_POSTGRES_URL";
    public static final String EXTERNAL_USER_ENV = "PROVISIONING_TEST_POSTGRES_USER";
    public static final String EXTERNAL_PASSWORD_ENV = "PROVISIONING_TEST_POSTGRES_PASSWORD";
    /** Init argument naming the database. */
    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "app";

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");
    private static PostgresServer server;

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        return database(database);
    }

    /** Kept running for the next Quarkus application in this JVM; a shutdown hook stops it. */
    @Override
    public void stop() {
    }

    /**
     * The datasource settings ({@code quarkus.datasource.jdbc.url}, {@code .username},
     * {@code .password}) of database {@code name}, created if missing, on the JVM's shared server
     * (started on first use) or on the external server when one is configured.
     */
    public static Map<String, String> database(String name) {
        String externalUrl = System.getenv(EXTERNAL_URL_ENV);
        if (externalUrl != null && !externalUrl.isBlank()) {
            return useExternal(externalUrl.strip(), name);
        }
        return OnePerJvm.call(PostgresTestResource.class, "sharedServerDatabase", name, () -> sharedServerDatabase(name));
    }

    private static synchronized Map<String, String> sharedServerDatabase(String name) {
        if (server == null) {
            Path root = TemporaryDirectories.create("provisioning-postgres-");
            PostgresServer started = PostgresServer.start(root.resolve("data"), 0,
                    PostgresOptions.forTests().withStopOnJvmExit(false));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                TemporaryDirectories.delete(root);
            }, "postgres-test-server-shutdown"));
            server = started;
        }
        server.createDatabase(name);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(name),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    private static Map<String, String> useExternal(String url, String database) {
        Matcher parts = JDBC_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalArgumentException(EXTERNAL_URL_ENV + " must look like jdbc:postgresql://host:port[/db][?params]");
        }
        String user = System.getenv().getOrDefault(EXTERNAL_USER_ENV, "postgres");
        String password = System.getenv().getOrDefault(EXTERNAL_PASSWORD_ENV, "");
        String params = parts.group(3) == null ? "" : parts.group(3);
        String adminDatabase = parts.group(2) == null || parts.group(2).length() <= 1 ? "/postgres" : parts.group(2);
        createDatabaseIfMissing(parts.group(1) + adminDatabase + params, user, password, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", parts.group(1) + "/" + database + params,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static void createDatabaseIfMissing(String adminUrl, String user, String password, String database) {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        try (Connection connection = new Driver().connect(adminUrl, credentials)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + database + " on the external server", e);
            }
        }
    }
}
