package dev.provisioning.deploy.postgres;

import dev.provisioning.deploy.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * A real PostgreSQL server on 127.0.0.1, created with {@code initdb} on first start and run with
 * {@code pg_ctl}; as root it runs as the unprivileged {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

    /** The superuser every embedded server is created with. */
    public static final String SUPERUSER = "provisioning";

    static final String PASSWORD_FILE = "provisioning-superuser.password";
    static final String SETTINGS_FILE = "provisioning.conf";
    static final String LOG_FILE = "server.log";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final int UNIX_SOCKET_PATH_LIMIT = 100;
    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());

    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final String password;
    private final long pid;
    private final PostgresRunAs runAs;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private PostgresServer(Path binDir, Path dataDir, int port, String password, long pid,
                           PostgresRunAs runAs, boolean stopOnJvmExit) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.pid = pid;
        this.runAs = runAs;
        if (stopOnJvmExit) {
            shutdownHook = new Thread(this::stopOnce, "postgres-shutdown-" + port);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    /** Starts a durable server (fsync on) on 127.0.0.1:{@code port}; port 0 picks a free one. */
    public static PostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, PostgresOptions.defaults());
    }

    /**
     * Creates the cluster in {@code dataDir} unless it already holds one, starts the server on
     * 127.0.0.1:{@code port} (0 picks a free port) and returns once it accepts connections.
     */
    public static PostgresServer start(Path dataDir, int port, PostgresOptions options) {
        long started = System.nanoTime();
        Path binDir = options.binaries().orElseGet(PostgresBinaries::binDir);
        Path data = dataDir.toAbsolutePath().normalize();
        PostgresRunAs runAs = PostgresRunAs.forCurrentUser();
        runAs.requireReachable(data);
        Optional<Long> running = runningPid(data);
        if (running.isPresent()) {
            throw new IllegalStateException("PostgreSQL is already running on " + data + " (pid " + running.get()
                    + "); stop it first with: pg_ctl -D " + data + " stop");
        }
        String password = Files.exists(data.resolve("PG_VERSION"))
                ? existingPassword(data, options)
                : initialize(binDir, data, runAs, options);

        int attempts = port == 0 ? 3 : 1;
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int chosenPort = port == 0 ? FreePorts.pick() : port;
            try {
                long pid = startServer(binDir, data, chosenPort, runAs, options);
                PostgresServer server = new PostgresServer(binDir, data, chosenPort, password, pid, runAs,
                        options.stopOnJvmExit());
                LOG.log(System.Logger.Level.INFO, "PostgreSQL ready on 127.0.0.1:{0} (data {1}, pid {2}) in {3} ms",
                        Integer.toString(chosenPort), data, Long.toString(pid),
                        Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
                return server;
            } catch (IllegalStateException e) {
                // A port picked as free can be taken before the server binds it; pick another.
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser name, {@value #SUPERUSER}. */
    public String username() {
        return SUPERUSER;
    }

    /** The superuser password: given in the options, stored by an earlier start, or generated. */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The directory of {@code initdb}, {@code pg_ctl}, {@code postgres} (and, for Debian's, {@code psql}, {@code pg_basebackup}). */
    public Path binDir() {
        return binDir;
    }

    /** The postmaster's process id. */
    public long pid() {
        return pid;
    }

    /** The server's own log (startup, errors, slow statements). */
    public Path logFile() {
        return dataDir.resolve(LOG_FILE);
    }

    /** Creates the database unless it exists; safe to call concurrently. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name
                    + "' must start with a letter or underscore and hold only letters, digits, '_' or '-' (max 63)");
        }
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\" ENCODING 'UTF8'");
            }
        } catch (SQLException e) {
            // 42P04 duplicate_database: a concurrent caller created it between the check and the create.
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name + " on port " + port, e);
            }
        }
    }

    /** A new JDBC connection as the superuser. */
    public Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", password);
        Connection connection = new Driver().connect(jdbcUrl(database), credentials);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver rejected " + jdbcUrl(database));
        }
        return connection;
    }

    /** Stops the server with {@code pg_ctl stop -m fast}; calling it again does nothing. */
    @Override
    public void close() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down and the hook runs (or ran) stopOnce() itself.
            }
        }
        stopOnce();
    }

    private void stopOnce() {
        if (closed.compareAndSet(false, true)) {
            stop(binDir, dataDir, runAs, pid);
        }
    }

    /**
     * Stops whatever server runs on {@code dataDir} (fast mode: open sessions are cut), for a
     * launcher that started it in an earlier process. Does nothing when none is running.
     */
    public static void stop(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        Optional<Long> running = runningPid(data);
        if (running.isPresent()) {
            stop(PostgresBinaries.binDir(), data, PostgresRunAs.forCurrentUser(), running.get());
        }
    }

    /** True when a live postmaster is recorded in {@code dataDir}. */
    public static boolean isRunning(Path dataDir) {
        return runningPid(dataDir.toAbsolutePath().normalize()).isPresent();
    }

    private static void stop(Path binDir, Path dataDir, PostgresRunAs runAs, long pid) {
        CommandResult result = run(runAs.command(List.of(
                binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "-m", "fast", "-w", "-t", "60", "-s", "stop")));
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
            // pg_ctl could not stop it (timeout, broken data dir): kill rather than leave it behind.
            LOG.log(System.Logger.Level.WARNING, "pg_ctl stop failed ({0}): {1}; killing postmaster {2}",
                    result.status(), result.output().strip(), pid);
            postmaster.get().destroyForcibly();
            try {
                postmaster.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "postmaster {0} still alive after SIGKILL", pid);
            }
        }
    }

    private static String initialize(Path binDir, Path data, PostgresRunAs runAs, PostgresOptions options) {
        String password = options.password().orElseGet(PostgresServer::generatePassword);
        Path passwordInput = null;
        try {
            Files.createDirectories(data);
            try (var entries = Files.list(data)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(data + " is neither empty nor a PostgreSQL data directory");
                }
            }
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            runAs.own(data);
            passwordInput = Files.createTempFile("initdb-", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordInput, password + "\n");
            runAs.own(passwordInput);

            List<String> initdb = new ArrayList<>(List.of(
                    binDir.resolve("initdb").toString(),
                    "-D", data.toString(),
                    "-U", SUPERUSER,
                    "--pwfile=" + passwordInput,
                    "--auth=scram-sha-256",
                    "-E", "UTF8",
                    "--no-locale"));
            if (!options.fsync()) {
                initdb.add("--no-sync");
            }
            CommandResult result = run(runAs.command(initdb));
            if (result.status() != 0) {
                throw new IllegalStateException("initdb failed (" + result.status() + "): " + result.output());
            }
            Files.writeString(data.resolve("postgresql.conf"),
                    "\n# Settings of the embedded server (port, sockets, memory), rewritten on every start.\n"
                            + "include_if_exists = '" + SETTINGS_FILE + "'\n",
                    StandardOpenOption.APPEND);
            Path stored = data.resolve(PASSWORD_FILE);
            Files.writeString(stored, password);
            Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-------"));
            runAs.own(stored);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialize PostgreSQL in " + data, e);
        } finally {
            if (passwordInput != null) {
                try {
                    Files.deleteIfExists(passwordInput);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not delete the temporary password file {0}", passwordInput);
                }
            }
        }
    }

    private static String existingPassword(Path data, PostgresOptions options) {
        if (options.password().isPresent()) {
            return options.password().get();
        }
        Path stored = data.resolve(PASSWORD_FILE);
        try {
            return Files.readString(stored).strip();
        } catch (IOException e) {
            throw new IllegalStateException(data + " holds a PostgreSQL cluster without a stored password ("
                    + PASSWORD_FILE + "); pass the superuser password in the options", e);
        }
    }

    private static long startServer(Path binDir, Path data, int port, PostgresRunAs runAs, PostgresOptions options) {
        writeSettings(data, port, runAs, options);
        List<String> pgCtl = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Own session: a Ctrl-C meant for the launcher must not reach the server before the launcher stops it.
            pgCtl.addAll(List.of("/usr/bin/setsid", "--wait"));
        }
        pgCtl.addAll(runAs.command(List.of(
                binDir.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", data.resolve(LOG_FILE).toString(),
                "-w", "-t", "60", "-s", "start")));
        CommandResult result = run(pgCtl);
        Optional<Long> pid = runningPid(data);
        if (result.status() != 0 || pid.isEmpty()) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " (pg_ctl " + result.status()
                    + "): " + result.output().strip() + "\n--- " + data.resolve(LOG_FILE) + " ---\n"
                    + tail(data.resolve(LOG_FILE), 20));
        }
        return pid.get();
    }

    private static void writeSettings(Path data, int port, PostgresRunAs runAs, PostgresOptions options) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "'127.0.0.1'");
        settings.put("port", Integer.toString(port));
        String socketPath = data + "/.s.PGSQL." + port;
        // Unix socket paths are limited to ~107 bytes; beyond that only TCP is offered.
        settings.put("unix_socket_directories", socketPath.length() < UNIX_SOCKET_PATH_LIMIT ? quote(data.toString()) : "''");
        settings.put("shared_buffers", "16MB");
        settings.put("max_connections", "50");
        settings.put("max_wal_size", "256MB");
        settings.put("dynamic_shared_memory_type", "posix");
        settings.put("fsync", options.fsync() ? "on" : "off");
        settings.put("synchronous_commit", options.fsync() ? "on" : "off");
        settings.put("full_page_writes", options.fsync() ? "on" : "off");
        settings.putAll(options.settings());
        StringBuilder text = new StringBuilder("# Written by the embedded PostgreSQL launcher on every start.\n");
        settings.forEach((name, value) -> text.append(name).append(" = ").append(value).append('\n'));
        try {
            Path file = data.resolve(SETTINGS_FILE);
            Files.writeString(file, text.toString());
            runAs.own(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + SETTINGS_FILE + " in " + data, e);
        }
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static Optional<Long> runningPid(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            long pid = Long.parseLong(first);
            // A stale pid file (after a crash or reboot) may name a pid that now belongs to another program.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(true))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String generatePassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private record CommandResult(int status, String output) {
    }

    private static CommandResult run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("/").toFile());
        // Inherited PG* variables (PGDATA, PGPORT, ...) would silently redirect pg_ctl and initdb.
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new CommandResult(-1, "timed out: " + String.join(" ", command));
            }
            return new CommandResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
