package dev.provisioning.deploy.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process of the local stack: started with its output going to a log file, in its own session
 * (so a Ctrl-C meant for the launcher reaches only the launcher, which then stops it in order),
 * or found again from a pid file by a later launcher.
 */
final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final ProcessHandle handle;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, ProcessHandle handle, Process process, Path logFile) {
        this.name = name;
        this.handle = handle;
        this.process = process;
        this.logFile = logFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                              Path logFile) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                // A file, never a pipe: a detached child must keep running after the launcher exits.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            Files.writeString(logFile, "=== " + java.time.Instant.now() + " " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process = builder.start();
            return new ChildProcess(name, process.toHandle(), process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
        }
    }

    static ChildProcess adopt(String name, ProcessHandle handle, Path logFile) {
        return new ChildProcess(name, handle, null, logFile);
    }

    String name() {
        return name;
    }

    ProcessHandle handle() {
        return handle;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    /** The exit status if this launcher started the process and it has ended. */
    java.util.OptionalInt exitStatus() {
        return process != null && !process.isAlive()
                ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    /** SIGTERM, then up to {@code grace} for a clean exit, then SIGKILL. True when it exited cleanly. */
    boolean stop(Duration grace) {
        if (!handle.isAlive()) {
            return true;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Reported by the caller through isAlive().
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /** The last lines of the log, for error messages. */
    String logTail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 16 * 1024);
            file.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** True when the log contains {@code text}; used to notice a child's "ready" line. */
    boolean logContains(String text) {
        try {
            return Files.exists(logFile) && Files.readString(logFile, StandardCharsets.UTF_8).contains(text);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
