package dev.provisioning.deploy.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the local stack starts and where: ports, services, state directory, time limits. Every
 * {@code with…} method returns a copy, so defaults can be adjusted one setting at a time.
 */
public final class StackOptions {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    /** Not 5432, so a PostgreSQL already installed on the machine does not get in the way. */
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_CLOUD_SIM_PORT = 4566;

    private final int kafkaPort;
    private final int postgresPort;
    private final int cloudSimPort;
    private final List<StackService> services;
    private final Path stateDir;
    private final boolean keepData;
    private final Duration readyTimeout;
    private final Map<String, String> extraEnvironment;
    private final PrintStream progress;

    private StackOptions(int kafkaPort, int postgresPort, int cloudSimPort, List<StackService> services, Path stateDir,
                         boolean keepData, Duration readyTimeout, Map<String, String> extraEnvironment,
                         PrintStream progress) {
        this.kafkaPort = kafkaPort;
        this.postgresPort = postgresPort;
        this.cloudSimPort = cloudSimPort;
        this.services = List.copyOf(services);
        this.stateDir = stateDir;
        this.keepData = keepData;
        this.readyTimeout = readyTimeout;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.progress = progress;
    }

    /**
     * Kafka 9092, PostgreSQL 15432, cloud-sim 4566, the seven services on 8080–8086, state in
     * {@code .local} under the repository, data wiped on start, 180 s for everything to be ready.
     */
    public static StackOptions defaults() {
        return new StackOptions(DEFAULT_KAFKA_PORT, DEFAULT_POSTGRES_PORT, DEFAULT_CLOUD_SIM_PORT,
                StackService.DEFAULTS, Path.of(".local"), false, Duration.ofSeconds(180), Map.of(), System.out);
    }

    public StackOptions withKafkaPort(int port) {
        return new StackOptions(port, postgresPort, cloudSimPort, services, stateDir, keepData, readyTimeout,
                extraEnvironment, progress);
    }

    public StackOptions withPostgresPort(int port) {
        return new StackOptions(kafkaPort, port, cloudSimPort, services, stateDir, keepData, readyTimeout,
                extraEnvironment, progress);
    }

    public StackOptions withCloudSimPort(int port) {
        return new StackOptions(kafkaPort, postgresPort, port, services, stateDir, keepData, readyTimeout,
                extraEnvironment, progress);
    }

    /** Starts only these services (e.g. a system test that needs no AWS agent). */
    public StackOptions withServices(List<StackService> chosen) {
        return new StackOptions(kafkaPort, postgresPort, cloudSimPort, chosen, stateDir, keepData, readyTimeout,
                extraEnvironment, progress);
    }

    /** Moves one service to another port. */
    public StackOptions withServicePort(String service, int port) {
        List<StackService> moved = new ArrayList<>();
        boolean found = false;
        for (StackService s : services) {
            found |= s.name().equals(service);
            moved.add(s.name().equals(service) ? s.withPort(port) : s);
        }
        if (!found) {
            throw new IllegalArgumentException("no service named " + service + " in " + serviceNames());
        }
        return withServices(moved);
    }

    /** Where logs, pid files and data go; relative paths are resolved against the repository root. */
    public StackOptions withStateDir(Path dir) {
        return new StackOptions(kafkaPort, postgresPort, cloudSimPort, services, Objects.requireNonNull(dir), keepData,
                readyTimeout, extraEnvironment, progress);
    }

    /** Keeps Kafka's and PostgreSQL's data from the previous run instead of starting empty. */
    public StackOptions withKeepData(boolean keep) {
        return new StackOptions(kafkaPort, postgresPort, cloudSimPort, services, stateDir, keep, readyTimeout,
                extraEnvironment, progress);
    }

    public StackOptions withReadyTimeout(Duration timeout) {
        return new StackOptions(kafkaPort, postgresPort, cloudSimPort, services, stateDir, keepData,
                Objects.requireNonNull(timeout), extraEnvironment, progress);
    }

    /** Adds an environment variable for cloud-sim and every service (overrides the stack's own). */
    public StackOptions withEnvironment(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(extraEnvironment);
        more.put(name, value);
        return new StackOptions(kafkaPort, postgresPort, cloudSimPort, services, stateDir, keepData, readyTimeout,
                more, progress);
    }

    /** Where progress lines go (standard output by default). */
    public StackOptions withProgress(PrintStream out) {
        return new StackOptions(kafkaPort, postgresPort, cloudSimPort, services, stateDir, keepData, readyTimeout,
                extraEnvironment, Objects.requireNonNull(out));
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int cloudSimPort() {
        return cloudSimPort;
    }

    public List<StackService> services() {
        return services;
    }

    public Path stateDir() {
        return stateDir;
    }

    public boolean keepData() {
        return keepData;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public Map<String, String> extraEnvironment() {
        return extraEnvironment;
    }

    public PrintStream progress() {
        return progress;
    }

    private List<String> serviceNames() {
        return services.stream().map(StackService::name).toList();
    }
}
