package dev.provisioning.deploy.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The {@code .local/pids} directory: one file per process the launcher started, with its pid and
 * start time, so a later {@code down} stops exactly those processes and never a recycled pid.
 */
final class PidFiles {

    /** One recorded process. {@code details} holds extras such as PostgreSQL's data directory. */
    record Recorded(String name, long pid, Instant startedAt, Path logFile, Map<String, String> details) {

        /** The live process, if the pid still belongs to the process that was recorded. */
        Optional<ProcessHandle> liveProcess() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().startInstant()
                    .map(start -> startedAt == null
                            || Duration.between(start, startedAt).abs().compareTo(Duration.ofSeconds(2)) <= 0)
                    .orElse(true));
        }
    }

    private final Path dir;

    PidFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    void record(String name, ProcessHandle process, Path logFile, Map<String, String> details) {
        Properties props = new Properties();
        props.setProperty("pid", Long.toString(process.pid()));
        process.info().startInstant().ifPresent(start -> props.setProperty("startedAt", start.toString()));
        props.setProperty("log", logFile.toString());
        details.forEach(props::setProperty);
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve(name + ".pid"))) {
                props.store(out, "Process started by the local-stack launcher; deploy/local/down stops it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of " + name, e);
        }
    }

    void remove(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the pid file of " + name, e);
        }
    }

    List<Recorded> readAll() {
        List<Recorded> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                Properties props = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    props.load(in);
                }
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                String pid = props.getProperty("pid", "");
                if (!pid.matches("\\d+")) {
                    continue;
                }
                String started = props.getProperty("startedAt");
                Map<String, String> details = new java.util.LinkedHashMap<>();
                props.stringPropertyNames().stream()
                        .filter(k -> !List.of("pid", "startedAt", "log").contains(k))
                        .forEach(k -> details.put(k, props.getProperty(k)));
                all.add(new Recorded(name, Long.parseLong(pid), started == null ? null : Instant.parse(started),
                        Path.of(props.getProperty("log", "")), details));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pid files in " + dir, e);
        }
        return all;
    }
}
