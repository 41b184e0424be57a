package dev.provisioning.deploy.kafka;

import dev.provisioning.deploy.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one server),
 * listening on 127.0.0.1 only, run inside the calling JVM.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicBoolean JVM_GUARDED = new AtomicBoolean();

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, Path dataDir, int port, int controllerPort) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code dataDir} (keeping it if already formatted) and starts a broker on
     * 127.0.0.1:{@code port}; port 0 picks a free one. Returns once the broker answers admin
     * requests. Kafka's calls to exit or halt the JVM are turned into exceptions so a broker
     * failure cannot end a test run.
     */
    public static KafkaBroker startInProcess(Path dataDir, int port) {
        guardJvmAgainstExit();
        return start(dataDir, port, 0);
    }

    /** Starts without touching the JVM's exit procedures: for a JVM that exists to run the broker. */
    static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        KafkaLogLevels.quiet();
        boolean portsChosenHere = port == 0 || controllerPort == 0;
        int attempts = portsChosenHere ? 3 : 1;
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int brokerPort = port == 0 ? FreePorts.pick() : port;
            int quorumPort = controllerPort == 0 ? FreePorts.pickOtherThan(brokerPort) : controllerPort;
            try {
                return startOnPorts(dataDir, brokerPort, quorumPort);
            } catch (RuntimeException e) {
                if (!isPortConflict(e)) {
                    throw e;
                }
                // A port picked as free can be taken by another process before the broker binds it.
                lastFailure = e;
                LOG.log(System.Logger.Level.WARNING, "Kafka broker start attempt {0} failed: {1}",
                        Integer.toString(attempt), e.toString());
            }
        }
        throw lastFailure;
    }

    private static boolean isPortConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static KafkaBroker startOnPorts(Path dataDir, int port, int controllerPort) {
        long started = System.nanoTime();
        Path absoluteDataDir = dataDir.toAbsolutePath();
        Properties props = serverProperties(absoluteDataDir, port, controllerPort);
        formatStorage(absoluteDataDir, props);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        KafkaBroker broker = new KafkaBroker(server, absoluteDataDir, port, controllerPort);
        try {
            server.startup();
            awaitAdminRequests(broker.bootstrapServers());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Kafka broker ready on {0} in {1} ms",
                broker.bootstrapServers(), Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        return broker;
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client port. */
    public int port() {
        return port;
    }

    /** The KRaft controller port, which clients never need. */
    public int controllerPort() {
        return controllerPort;
    }

    /** Where the broker keeps its log segments and metadata. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits until all its threads are gone; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    /** Blocks until the broker has shut down, whoever asked it to. */
    void awaitShutdown() {
        server.awaitShutdown();
    }

    /**
     * Creates topics with replication factor 1; topics that already exist are left as they are.
     * Returns once every topic is visible in the cluster metadata.
     */
    public static void createTopics(String bootstrap, Collection<String> names, int partitions) {
        if (names.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : Set.copyOf(names)) {
                topics.add(new NewTopic(name, partitions, (short) 1));
            }
            CreateTopicsResult result = admin.createTopics(topics);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            awaitTopicsListed(admin, Set.copyOf(names));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topics " + names + " on " + bootstrap + " timed out", e);
        }
    }

    private static void awaitTopicsListed(Admin admin, Set<String> names)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(names)) {
                    return;
                }
            } catch (ExecutionException e) {
                // The broker may still be applying the new topics; asking again is the remedy.
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics " + names + " not listed after 30 s");
            }
            Thread.sleep(50);
        }
    }

    static Properties serverProperties(Path dataDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("log").toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        // One offsets partition instead of 50: shutdown takes 0.5 s instead of 2.7 s.
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("default.replication.factor", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MB dedupe buffer is most of a small broker's memory.
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("background.threads", "2");
        return props;
    }

    private static void formatStorage(Path dataDir, Properties props) {
        try {
            Files.createDirectories(dataDir);
            Path propertiesFile = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(propertiesFile)) {
                props.store(out, "Written on every start of the embedded Kafka broker");
            }
            if (Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                // Formatted by an earlier start: keep its cluster id and data.
                return;
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status;
            try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                status = StorageTool.execute(new String[] {
                    "format",
                    "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", propertiesFile.toString()
                }, print);
            }
            if (status != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed ("
                        + status + "): " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + dataDir, e);
        }
    }

    private static void awaitAdminRequests(String bootstrap) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker on " + bootstrap + " not ready after "
                                + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static Map<String, Object> adminConfig(String bootstrap) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-broker-admin");
    }

    /**
     * Kafka calls {@code Exit.exit}/{@code Exit.halt} on fatal errors; inside a test JVM that would
     * end the whole run without a report, so the call becomes an exception in the failing thread.
     */
    private static void guardJvmAgainstExit() {
        if (JVM_GUARDED.compareAndSet(false, true)) {
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Kafka asked to exit the JVM (status " + status + "): " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw new IllegalStateException("Kafka asked to halt the JVM (status " + status + "): " + message);
            });
        }
    }
}
