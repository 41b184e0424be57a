package dev.provisioning.workspaceformat.nickel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Evaluates with the real {@code nickel} executable: {@code nickel export --format json FILE}. */
public final class NickelExecutable implements NickelEvaluation {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Path executable;
    private final ObjectMapper mapper = new ObjectMapper();

    public NickelExecutable(Path executable) {
        this.executable = executable;
    }

    /** The {@code nickel} found on PATH, if any. */
    public static Optional<NickelExecutable> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, "nickel");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new NickelExecutable(candidate));
            }
        }
        return Optional.empty();
    }

    @Override
    public JsonNode export(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "export", "--format", "json",
                absolute.getFileName().toString()))
                .directory(absolute.getParent().toFile());
        try {
            Process process = builder.start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NickelException(null, executable + " did not finish within " + TIMEOUT.toSeconds() + "s");
            }
            if (process.exitValue() != 0) {
                throw new NickelException(null, "nickel export failed for " + absolute.getFileName() + ":\n"
                        + stderr.join().strip());
            }
            return mapper.readTree(stdout);
        } catch (IOException e) {
            throw new NickelException(null, "cannot run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NickelException(null, "interrupted while running " + executable);
        }
    }

    @Override
    public String description() {
        return executable.toString();
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
