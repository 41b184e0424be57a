package dev.provisioning.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.provisioning.deploy.FreePorts;
import dev.provisioning.deploy.postgres.PostgresOptions;
import dev.provisioning.deploy.postgres.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The whole local stack as child processes of this JVM: Kafka, PostgreSQL, cloud-sim and the
 * Quarkus services, each with an explicit heap, its log in {@code .local/logs} and its pid in
 * {@code .local/pids}. Used by the {@code deploy/local/up} launcher and by system tests:
 * <pre>{@code
 * try (StackProcesses stack = StackProcesses.start(repoRoot, StackOptions.defaults())) {
 *     RolloutReport report = stack.applyWorkspace(repoRoot.resolve("deploy/workspaces/slice"));
 * }
 * }</pre>
 * Everything started is stopped by {@link #close()}, or by a JVM shutdown hook, unless
 * {@link #detach()} hands the processes over to {@code deploy/local/down}.
 */
public final class StackProcesses implements AutoCloseable {

    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";
    public static final String CLOUD_SIM = "cloud-sim";
    /** Databases created on every start, one per stateful service. */
    public static final List<String> DATABASES = List.of("planner", "cost", "dnsservice", "replication");

    /** The DigitalOcean token of cloud-sim's simulated account, as every service of the stack gets it. */
    static final String LOCAL_DIGITALOCEAN_TOKEN = "local-digitalocean-token";
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(5);
    private static final String KAFKA_READY_LINE = "Kafka broker ready on";
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path repoRoot;
    private final StackOptions options;
    private final Path stateDir;
    private final Path logDir;
    private final PidFiles pidFiles;
    private final PrintStream progress;
    private final JsonHttp http = new JsonHttp();
    private final Instant startedAt = Instant.now();

    private final List<ChildProcess> services = new ArrayList<>();
    private ChildProcess kafka;
    private ChildProcess cloudSim;
    private PostgresServer postgres;
    private Duration startupTook;
    private boolean closed;
    private boolean detached;
    private final Thread shutdownHook;

    private StackProcesses(Path repoRoot, StackOptions options) {
        this.repoRoot = repoRoot;
        this.options = options;
        this.stateDir = repoRoot.resolve(options.stateDir()).normalize();
        this.logDir = stateDir.resolve("logs");
        this.pidFiles = new PidFiles(stateDir.resolve("pids"));
        this.progress = options.progress();
        this.shutdownHook = new Thread(this::close, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts everything and returns once every service answers {@code /q/health/ready} with 200.
     * Fails with {@link StackAlreadyRunningException} when a stack's pid files are alive or its
     * ports are taken; on any other failure, stops what it had started before throwing.
     */
    public static StackProcesses start(Path repoRoot, StackOptions options) {
        StackProcesses stack = new StackProcesses(repoRoot.toAbsolutePath().normalize(), options);
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startAll() {
        refuseIfAlreadyRunning();
        Path cloudSimJar = requireCloudSimJar();
        Map<StackService, Path> serviceJars = requireServiceJars();
        prepareStateDirectories();

        startKafka();
        startPostgres();
        startCloudSim(cloudSimJar);
        startServices(serviceJars);
        startupTook = Duration.between(startedAt, Instant.now());
        progress.printf("Local stack ready in %s%n", RolloutReport.seconds(startupTook));
    }

    // ---------------------------------------------------------------- addresses

    /** {@code 127.0.0.1:<kafka port>}. */
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + options.kafkaPort();
    }

    public String cloudSimUrl() {
        return "http://127.0.0.1:" + options.cloudSimPort();
    }

    /** {@code http://127.0.0.1:<port>} of a service by module name, e.g. {@code planner-service}. */
    public String serviceUrl(String service) {
        return options.services().stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> "http://127.0.0.1:" + s.port())
                .orElseThrow(() -> new IllegalArgumentException("the stack runs no service named " + service));
    }

    public String plannerUrl() {
        return serviceUrl("planner-service");
    }

    /** JDBC URL of one of the stack's databases ({@link #DATABASES}) on its PostgreSQL server. */
    public String postgresJdbcUrl(String database) {
        return requirePostgres().jdbcUrl(database);
    }

    public String postgresUsername() {
        return requirePostgres().username();
    }

    public String postgresPassword() {
        return requirePostgres().password();
    }

    /** The PostgreSQL binaries the stack uses (cloud-sim is given the same). */
    public Path postgresBinDir() {
        return requirePostgres().binDir();
    }

    public Path logDir() {
        return logDir;
    }

    /** The log of one process: {@code kafka}, {@code postgres}, {@code cloud-sim} or a service name. */
    public Path logFile(String name) {
        return logDir.resolve(name + ".log");
    }

    /** From the call to {@link #start} until every service was ready. */
    public Duration startupTook() {
        return startupTook;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Names of started processes that have exited although nobody stopped them. */
    public synchronized List<String> exitedUnexpectedly() {
        List<String> dead = new ArrayList<>();
        if (closed) {
            return dead;
        }
        for (ChildProcess child : children()) {
            if (!child.isAlive()) {
                dead.add(child.name());
            }
        }
        if (postgres != null && !PostgresServer.isRunning(postgres.dataDir())) {
            dead.add(POSTGRES);
        }
        return dead;
    }

    // ---------------------------------------------------------------- workspaces

    /** {@link #applyWorkspace(Path, Duration)} with a five-minute limit. */
    public RolloutReport applyWorkspace(Path workspaceFileOrDir) {
        return applyWorkspace(workspaceFileOrDir, ROLLOUT_TIMEOUT);
    }

    /**
     * Declares the workspace on the planner ({@code POST /api/v1/workspaces/{name}}), applies it,
     * waits until the rollout is {@code SUCCEEDED} or {@code FAILED}, and collects its DNS records
     * and costs. The name is the file's {@code name} field, else its folder's name.
     */
    public RolloutReport applyWorkspace(Path workspaceFileOrDir, Duration timeout) {
        WorkspaceFile workspace = WorkspaceFile.read(workspaceFileOrDir);
        String planner = plannerUrl();
        String name = URLEncoder.encode(workspace.name(), StandardCharsets.UTF_8);
        try {
            new SimulatedCertificates(http, cloudSimUrl(), LOCAL_DIGITALOCEAN_TOKEN, progress)
                    .ensureFor(JsonHttp.MAPPER.readTree(workspace.json()));
            JsonHttp.Reply declared = http.post(planner + "/api/v1/workspaces/" + name, workspace.json());
            if (!declared.ok()) {
                throw new IllegalStateException("the planner rejected workspace '" + workspace.name() + "' from "
                        + workspace.file() + " (HTTP " + declared.status() + "): " + declared.body().toPrettyString());
            }
            Instant applying = Instant.now();
            JsonHttp.Reply applied = http.post(planner + "/api/v1/workspaces/" + name + "/apply", null);
            String rolloutId = applied.body().path("rolloutId").asText("");
            if (applied.status() != 202 || rolloutId.isEmpty()) {
                throw new IllegalStateException("applying workspace '" + workspace.name() + "' failed (HTTP "
                        + applied.status() + "): " + applied.body().toPrettyString());
            }
            progress.printf("Applying workspace '%s' (rollout %s)...%n", workspace.name(), rolloutId);
            JsonNode rollout = awaitRollout(planner + "/api/v1/rollouts/" + rolloutId, timeout);
            Duration took = Duration.between(applying, Instant.now());
            String status = rollout.path("status").asText("UNKNOWN");
            return new RolloutReport(workspace.name(), rolloutId, status, rollout, took,
                    fetchOptional("dns-service", "/api/v1/dns/" + name),
                    fetchOptional("db-replication-service", "/api/v1/replication/" + name),
                    costTable(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the planner at " + planner, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying workspace " + workspace.name(), e);
        }
    }

    private JsonNode awaitRollout(String url, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastStatus = "";
        while (true) {
            JsonHttp.Reply reply = http.get(url);
            String status = reply.body().path("status").asText("");
            if (reply.ok() && (status.equals("SUCCEEDED") || status.equals("FAILED"))) {
                return reply.body();
            }
            if (!status.equals(lastStatus)) {
                progress.printf("  rollout %s%n", status.isEmpty() ? "HTTP " + reply.status() : status);
                lastStatus = status;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rollout not finished after " + timeout.toSeconds() + " s (last status "
                        + lastStatus + "): " + url);
            }
            Thread.sleep(500);
        }
    }

    /**
     * cost-service's Markdown table of the workspace (per region: compute, database, load balancer, total), once it
     * has priced every resource of the rollout (pricing follows the events, a moment after the rollout ends).
     */
    private JsonNode costTable(String name) throws InterruptedException {
        if (options.services().stream().noneMatch(s -> s.name().equals("cost-service"))) {
            return TextNode.valueOf("(cost-service not started)");
        }
        String url = serviceUrl("cost-service") + "/api/v1/costs/" + name;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonHttp.Reply report = http.get(url);
                if (report.ok() && report.body().path("unpricedResources").asInt(-1) == 0) {
                    break;
                }
                Thread.sleep(250);
            }
            return TextNode.valueOf(http.getText(url, "text/markdown"));
        } catch (IOException e) {
            return TextNode.valueOf("cannot reach cost-service: " + e.getMessage());
        }
    }

    private JsonNode fetchOptional(String service, String path) {
        if (options.services().stream().noneMatch(s -> s.name().equals(service))) {
            return TextNode.valueOf("(" + service + " not started)");
        }
        try {
            JsonHttp.Reply reply = http.get(serviceUrl(service) + path);
            return reply.ok() ? reply.body()
                    : TextNode.valueOf("HTTP " + reply.status() + " from " + service + ": " + reply.body());
        } catch (IOException e) {
            return TextNode.valueOf("cannot reach " + service + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TextNode.valueOf("interrupted");
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Leaves every process running after this JVM exits; {@code deploy/local/down} (or
     * {@link #stopRecorded}) stops them later from the pid files. {@link #close()} then does nothing.
     */
    public synchronized void detach() {
        detached = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook sees detached and leaves the processes alone.
        }
    }

    /**
     * Stops the services (SIGTERM, up to 30 s each, in parallel, then SIGKILL), cloud-sim, Kafka
     * and PostgreSQL ({@code pg_ctl stop -m fast}), in that order, and removes their pid files.
     */
    @Override
    public synchronized void close() {
        if (closed || detached) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is exiting; this call does the work the hook would have done.
            }
        }
        boolean anything = kafka != null || postgres != null;
        if (anything) {
            progress.println("Stopping the local stack...");
        }
        stopInParallel(services, pidFiles, progress);
        if (cloudSim != null) {
            stopChild(cloudSim, pidFiles, progress);
        }
        if (kafka != null) {
            stopChild(kafka, pidFiles, progress);
        }
        if (postgres != null) {
            long begin = System.nanoTime();
            postgres.close();
            pidFiles.remove(POSTGRES);
            progress.printf("  %-24s stopped in %s%n", POSTGRES,
                    RolloutReport.seconds(Duration.ofNanos(System.nanoTime() - begin)));
        }
        if (anything) {
            progress.println("Local stack stopped.");
        }
        progress.flush();
    }

    /**
     * Stops a stack left running by {@link #detach()}: exactly the processes in the pid files whose
     * pid still belongs to the recorded process. Returns the names it stopped.
     */
    public static List<String> stopRecorded(Path repoRoot, Path stateDir, PrintStream progress) {
        Path state = repoRoot.toAbsolutePath().normalize().resolve(stateDir).normalize();
        PidFiles pidFiles = new PidFiles(state.resolve("pids"));
        List<PidFiles.Recorded> recorded = pidFiles.readAll();
        List<String> stopped = new ArrayList<>();
        List<ChildProcess> services = new ArrayList<>();
        Map<String, ChildProcess> infrastructure = new LinkedHashMap<>();
        Optional<PidFiles.Recorded> postgres = Optional.empty();
        for (PidFiles.Recorded process : recorded) {
            Optional<ProcessHandle> live = process.liveProcess();
            if (process.name().equals(POSTGRES)) {
                postgres = Optional.of(process);
                continue;
            }
            if (live.isEmpty()) {
                pidFiles.remove(process.name());
                continue;
            }
            ChildProcess child = ChildProcess.adopt(process.name(), live.get(), process.logFile());
            if (process.name().equals(KAFKA) || process.name().equals(CLOUD_SIM)) {
                infrastructure.put(process.name(), child);
            } else {
                services.add(child);
            }
        }
        stopInParallel(services, pidFiles, progress);
        services.forEach(s -> stopped.add(s.name()));
        for (String name : List.of(CLOUD_SIM, KAFKA)) {
            ChildProcess child = infrastructure.get(name);
            if (child != null) {
                stopChild(child, pidFiles, progress);
                stopped.add(name);
            }
        }
        if (postgres.isPresent()) {
            String dataDir = postgres.get().details().get("dataDir");
            if (dataDir != null && PostgresServer.isRunning(Path.of(dataDir))) {
                PostgresServer.stop(Path.of(dataDir));
                progress.printf("  %-24s stopped%n", POSTGRES);
                stopped.add(POSTGRES);
            }
            pidFiles.remove(POSTGRES);
        }
        return stopped;
    }

    /** The recorded processes that are still alive, as "name (pid N)". */
    public static List<String> runningRecorded(Path repoRoot, Path stateDir) {
        Path state = repoRoot.toAbsolutePath().normalize().resolve(stateDir).normalize();
        List<String> running = new ArrayList<>();
        for (PidFiles.Recorded process : new PidFiles(state.resolve("pids")).readAll()) {
            boolean alive = process.name().equals(POSTGRES)
                    ? Optional.ofNullable(process.details().get("dataDir")).map(Path::of)
                            .map(PostgresServer::isRunning).orElse(false)
                    : process.liveProcess().isPresent();
            if (alive) {
                running.add(process.name() + " (pid " + process.pid() + ")");
            }
        }
        return running;
    }

    // ---------------------------------------------------------------- starting

    private void refuseIfAlreadyRunning() {
        List<String> running = runningRecorded(repoRoot, options.stateDir());
        if (!running.isEmpty()) {
            throw new StackAlreadyRunningException("A local stack is already running: " + String.join(", ", running)
                    + ". Stop it with deploy/local/down (pid files in " + pidFiles.dir() + ").");
        }
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(options.kafkaPort(), KAFKA);
        ports.put(options.postgresPort(), POSTGRES);
        ports.put(options.cloudSimPort(), CLOUD_SIM);
        options.services().forEach(s -> ports.put(s.port(), s.name()));
        List<String> busy = new ArrayList<>();
        ports.forEach((port, name) -> {
            if (FreePorts.inUse(port)) {
                busy.add(port + " (" + name + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new StackAlreadyRunningException("Ports already in use on 127.0.0.1: " + String.join(", ", busy)
                    + ". Another local stack or program holds them: stop it (deploy/local/down stops a stack"
                    + " started with --detach) or choose other ports.");
        }
    }

    private Path requireCloudSimJar() {
        Path target = repoRoot.resolve("cloud-sim/target");
        return findJar(target, "cloud-sim-").orElseThrow(() -> new IllegalStateException(
                "cloud-sim is not built (no cloud-sim-*.jar in " + target + "); deploy/local/up builds what is missing"));
    }

    private Map<StackService, Path> requireServiceJars() {
        Map<StackService, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (StackService service : options.services()) {
            Path jar = repoRoot.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                jars.put(service, jar);
            } else {
                missing.add(repoRoot.relativize(jar).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + String.join(", ", missing)
                    + "; deploy/local/up builds what is missing in " + repoRoot);
        }
        return jars;
    }

    private void prepareStateDirectories() {
        try {
            Path data = stateDir.resolve("data");
            if (!options.keepData()) {
                deleteTree(data);
            }
            for (Path dir : List.of(stateDir, logDir, pidFiles.dir(), data)) {
                Files.createDirectories(dir);
                // As root PostgreSQL runs as user postgres, which must be able to reach .local/data.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + stateDir, e);
        }
    }

    private void startKafka() {
        long begin = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of(
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", launcherClasspath(),
                "dev.provisioning.deploy.kafka.KafkaBrokerMain",
                "--port", Integer.toString(options.kafkaPort()),
                "--data", stateDir.resolve("data/kafka").toString()));
        Path log = logFile(KAFKA);
        truncate(log);
        ChildProcess child;
        synchronized (this) {
            child = launch(KAFKA, command, Map.of(), log, Map.of());
            kafka = child;
        }
        awaitReady(child, () -> child.logContains(KAFKA_READY_LINE), "Kafka");
        ready(KAFKA, kafkaBootstrapServers(), begin);
    }

    private void startPostgres() {
        long begin = System.nanoTime();
        Path dataDir = stateDir.resolve("data/postgres");
        PostgresServer server;
        synchronized (this) {
            checkNotClosed();
            server = PostgresServer.start(dataDir, options.postgresPort(),
                    PostgresOptions.defaults().withStopOnJvmExit(false));
            postgres = server;
            pidFiles.record(POSTGRES, ProcessHandle.of(server.pid()).orElseThrow(), server.logFile(),
                    Map.of("dataDir", server.dataDir().toString(), "port", Integer.toString(server.port())));
        }
        for (String database : DATABASES) {
            server.createDatabase(database);
        }
        try {
            Path link = logFile(POSTGRES);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, server.logFile());
        } catch (IOException e) {
            progress.printf("  (PostgreSQL log is %s)%n", server.logFile());
        }
        ready(POSTGRES, "127.0.0.1:" + server.port() + " " + DATABASES, begin);
    }

    private void startCloudSim(Path jar) {
        long begin = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx192m"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(options.cloudSimPort())));
        Map<String, String> env = new LinkedHashMap<>();
        // Databases cloud-sim creates are real PostgreSQL servers: give it the binaries the stack uses.
        env.put("PROVISIONING_POSTGRES_BIN", postgres.binDir().toString());
        env.putAll(options.extraEnvironment());
        Path log = logFile(CLOUD_SIM);
        truncate(log);
        ChildProcess child;
        synchronized (this) {
            child = launch(CLOUD_SIM, command, env, log, Map.of());
            cloudSim = child;
        }
        String health = cloudSimUrl() + "/_sim/health";
        awaitReady(child, () -> http.status(health) == 200, "cloud-sim");
        ready(CLOUD_SIM, cloudSimUrl(), begin);
    }

    private void startServices(Map<StackService, Path> jars) {
        long begin = System.nanoTime();
        Map<StackService, ChildProcess> started = new LinkedHashMap<>();
        for (Map.Entry<StackService, Path> entry : jars.entrySet()) {
            StackService service = entry.getKey();
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + service.heapMb() + "m"));
            command.addAll(JVM_FLAGS);
            command.addAll(List.of("-jar", entry.getValue().toString()));
            Path log = logFile(service.name());
            truncate(log);
            ChildProcess child;
            synchronized (this) {
                child = launch(service.name(), command, serviceEnvironment(service), log,
                        Map.of("port", Integer.toString(service.port())));
                services.add(child);
            }
            started.put(service, child);
        }
        Map<StackService, ChildProcess> pending = new LinkedHashMap<>(started);
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        while (!pending.isEmpty()) {
            var iterator = pending.entrySet().iterator();
            while (iterator.hasNext()) {
                var entry = iterator.next();
                ChildProcess child = entry.getValue();
                failIfExited(child, entry.getKey().name());
                if (http.status("http://127.0.0.1:" + entry.getKey().port() + "/q/health/ready") == 200) {
                    ready(entry.getKey().name(), "http://127.0.0.1:" + entry.getKey().port(), begin);
                    iterator.remove();
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    StringBuilder message = new StringBuilder("not ready after " + options.readyTimeout().toSeconds()
                            + " s (GET /q/health/ready):");
                    pending.forEach((service, child) -> message.append("\n  ").append(service.name())
                            .append(" — last lines of ").append(child.logFile()).append(":\n")
                            .append(child.logTail(15).indent(4)));
                    throw new IllegalStateException(message.toString());
                }
                sleep(250);
            }
        }
    }

    private Map<String, String> serviceEnvironment(StackService service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("PROVISIONING_CLOUD_SIM_URL", cloudSimUrl());
        // The planner asks cost-service for plan-time estimates, wherever this stack put it.
        if (options.services().stream().anyMatch(s -> s.name().equals("cost-service"))) {
            env.put("PROVISIONING_COST_SERVICE_URL", serviceUrl("cost-service"));
        }
        service.ownDatabase().ifPresent(database -> {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        });
        if (service.name().equals("cost-service")) {
            // DigitalOcean's API prices droplets only; the simulated account's price sheet covers the rest.
            env.put("PROVISIONING_COST_DIGITALOCEAN_PRICE_SHEET_URL", cloudSimUrl() + "/_sim/prices/digitalocean");
        }
        if (service.name().endsWith("-agent")) {
            // cloud-sim provisions in milliseconds to seconds: poll for readiness sooner than a real cloud warrants.
            env.put("PROVISIONING_AGENT_READINESS_INITIAL_POLL_INTERVAL", "250ms");
        }
        if (service.name().equals("aws-agent")) {
            // Warmed right after start: the seed workspace's AWS region first, then the default region.
            env.put("PROVISIONING_AWS_WARM_UP_REGIONS", "ap-southeast-1,us-east-1");
        }
        // Placeholders only: every provider API call goes to cloud-sim, which accepts any token.
        env.put("DIGITALOCEAN_TOKEN", LOCAL_DIGITALOCEAN_TOKEN);
        env.put("HCLOUD_TOKEN", "local-hcloud-token");
        env.put("AWS_ACCESS_KEY_ID", "AKIALOCALSTACK000000");
        env.put("AWS_SECRET_ACCESS_KEY", "local-aws-secret-access-key");
        env.put("AWS_REGION", "us-east-1");
        env.put("PROVISIONING_POSTGRES_BIN", postgres.binDir().toString());
        env.putAll(options.extraEnvironment());
        return env;
    }

    /** Starts and records a child; callers hold the lock until they have stored it, so close() sees it. */
    private synchronized ChildProcess launch(String name, List<String> command, Map<String, String> env, Path log,
                                             Map<String, String> details) {
        checkNotClosed();
        ChildProcess child = ChildProcess.start(name, command, env, repoRoot, log);
        pidFiles.record(name, child.handle(), log, details);
        return child;
    }

    private void awaitReady(ChildProcess child, BooleanSupplier ready, String what) {
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        while (!ready.getAsBoolean()) {
            failIfExited(child, what);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready after " + options.readyTimeout().toSeconds()
                        + " s; last lines of " + child.logFile() + ":\n" + child.logTail(20));
            }
            sleep(200);
        }
    }

    private void failIfExited(ChildProcess child, String what) {
        checkNotClosed();
        if (!child.isAlive()) {
            String status = child.exitStatus().isPresent() ? " with status " + child.exitStatus().getAsInt() : "";
            throw new IllegalStateException(what + " exited" + status + " while starting; last lines of "
                    + child.logFile() + ":\n" + child.logTail(20));
        }
    }

    private synchronized void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("the local stack is being stopped");
        }
    }

    private void ready(String name, String where, long beginNanos) {
        progress.printf("  %-24s ready  %-40s %s%n", name, where,
                RolloutReport.seconds(Duration.ofNanos(System.nanoTime() - beginNanos)));
        progress.flush();
    }

    // ---------------------------------------------------------------- stopping

    private static void stopInParallel(List<ChildProcess> children, PidFiles pidFiles, PrintStream progress) {
        // One thread each rather than a pool: every stop may wait the full grace period.
        List<Thread> stopping = new ArrayList<>();
        for (ChildProcess child : children) {
            Thread thread = new Thread(() -> stopChild(child, pidFiles, progress), "stop-" + child.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void stopChild(ChildProcess child, PidFiles pidFiles, PrintStream progress) {
        long begin = System.nanoTime();
        boolean clean = child.stop(STOP_GRACE);
        pidFiles.remove(child.name());
        progress.printf("  %-24s %s%n", child.name(), clean
                ? "stopped in " + RolloutReport.seconds(Duration.ofNanos(System.nanoTime() - begin))
                : "killed after " + STOP_GRACE.toSeconds() + " s");
    }

    private List<ChildProcess> children() {
        List<ChildProcess> all = new ArrayList<>(services);
        if (cloudSim != null) {
            all.add(cloudSim);
        }
        if (kafka != null) {
            all.add(kafka);
        }
        return all;
    }

    // ---------------------------------------------------------------- small things

    private PostgresServer requirePostgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running in this stack");
        }
        return postgres;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The deploy jar and its copied dependencies when built, else this JVM's own class path. */
    private String launcherClasspath() {
        Path target = repoRoot.resolve("deploy/target");
        Optional<Path> jar = findJar(target, "deploy-");
        if (jar.isPresent() && Files.isDirectory(target.resolve("lib"))) {
            return jar.get() + ":" + target.resolve("lib") + "/*";
        }
        return System.getProperty("java.class.path");
    }

    private static Optional<Path> findJar(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                        && !name.endsWith("-tests.jar") && !name.endsWith("-javadoc.jar");
            }).max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void truncate(Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset " + log, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local stack", e);
        }
    }
}
