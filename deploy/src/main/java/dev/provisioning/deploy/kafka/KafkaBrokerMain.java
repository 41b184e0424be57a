package dev.provisioning.deploy.kafka;

import dev.provisioning.deploy.FreePorts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Runs one Kafka broker as its own process for the local stack:
 * {@code KafkaBrokerMain --port 9092 --data DIR [--controller-port N]}. Stops cleanly on SIGTERM
 * and refuses to run a second broker on a data directory that is already in use.
 */
public final class KafkaBrokerMain {

    static final String LOCK_FILE = "broker.lock";
    static final int EXIT_USAGE = 2;
    static final int EXIT_ALREADY_RUNNING = 3;
    private static final long SHUTDOWN_LIMIT_SECONDS = 25;

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        // Must happen before anything touches java.util.logging, so slf4j and JUL share one log manager.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        int port = 9092;
        int controllerPort = 0;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = parsePort(value);
                case "--controller-port" -> controllerPort = parsePort(value);
                case "--data" -> data = value == null ? null : Path.of(value);
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (data == null) {
            usage("--data DIR is required");
        }
        logToStandardOutput();

        Files.createDirectories(data);
        FileChannel lockChannel = FileChannel.open(data.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockChannel);
        if (lock == null) {
            System.err.println("Another Kafka broker is already using " + data.toAbsolutePath()
                    + " (" + LOCK_FILE + " is locked); not starting a second one.");
            System.exit(EXIT_ALREADY_RUNNING);
        }
        if (FreePorts.inUse(port)) {
            System.err.println("Port " + port + " on 127.0.0.1 is already in use; is another Kafka broker running?");
            System.exit(EXIT_ALREADY_RUNNING);
        }

        long started = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start(data, port, controllerPort);
        System.out.printf("Kafka broker ready on %s (controller port %d, data %s) in %d ms%n",
                broker.bootstrapServers(), broker.controllerPort(), broker.dataDir(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.out.flush();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWithin(broker), "kafka-broker-shutdown"));
        broker.awaitShutdown();
        lock.release();
        lockChannel.close();
    }

    /**
     * A broker that does not finish shutting down must not keep the process alive past the
     * launcher's patience, so the hook gives up and halts after a fixed time.
     */
    private static void stopWithin(KafkaBroker broker) {
        Thread closer = new Thread(broker::close, "kafka-broker-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_LIMIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            System.err.println("Kafka broker did not stop within " + SHUTDOWN_LIMIT_SECONDS + " s; halting.");
            Runtime.getRuntime().halt(1);
        }
        System.out.println("Kafka broker stopped.");
        System.out.flush();
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                usage("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            usage("not a port number: " + value);
            return -1;
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: KafkaBrokerMain --data DIR [--port 9092] [--controller-port N]");
        System.exit(EXIT_USAGE);
    }

    /** INFO for this process's own lines, WARN for Kafka's, one line each on standard output. */
    private static void logToStandardOutput() {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        StreamHandler handler = new StreamHandler(System.out, new OneLineFormat()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        KafkaLogLevels.quiet();
    }

    private static final class OneLineFormat extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(LocalTime.now().format(TIME)).append(' ')
                    .append(record.getLevel().getName()).append(' ')
                    .append(record.getLoggerName()).append(" - ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                var trace = new java.io.StringWriter();
                record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
