package dev.provisioning.deploy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories for the per-JVM servers, deleted when the JVM exits. */
final class TemporaryDirectories {

    private TemporaryDirectories() {
    }

    /**
     * Created searchable by others (mode 755): as root, PostgreSQL runs as user {@code postgres}
     * and must be able to reach its data directory inside.
     */
    static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort at JVM exit: a leftover file in the temp dir harms nothing.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Same reason as above.
        }
    }
}
