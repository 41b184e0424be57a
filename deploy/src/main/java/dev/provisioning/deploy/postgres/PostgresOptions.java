package dev.provisioning.deploy.postgres;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How an embedded PostgreSQL server is set up: durability, superuser password, extra settings. */
public final class PostgresOptions {

    private final boolean fsync;
    private final String password;
    private final boolean stopOnJvmExit;
    private final Map<String, String> settings;
    private final Path binaries;

    private PostgresOptions(boolean fsync, String password, boolean stopOnJvmExit, Map<String, String> settings,
                            Path binaries) {
        this.fsync = fsync;
        this.password = password;
        this.stopOnJvmExit = stopOnJvmExit;
        this.settings = Map.copyOf(settings);
        this.binaries = binaries;
    }

    /** Durable (fsync on), generated password, stopped when the JVM exits. */
    public static PostgresOptions defaults() {
        return new PostgresOptions(true, null, true, Map.of(), null);
    }

    /** For tests: fsync, synchronous commit and full-page writes off, which data loss on a crash makes acceptable. */
    public static PostgresOptions forTests() {
        return defaults().withFsync(false);
    }

    public PostgresOptions withFsync(boolean enabled) {
        return new PostgresOptions(enabled, password, stopOnJvmExit, settings, binaries);
    }

    /** Uses this superuser password instead of generating one (or reading the one stored by an earlier start). */
    public PostgresOptions withPassword(String superuserPassword) {
        return new PostgresOptions(fsync, Objects.requireNonNull(superuserPassword), stopOnJvmExit, settings, binaries);
    }

    /** Whether a JVM shutdown hook stops the server; a launcher that leaves it running turns this off. */
    public PostgresOptions withStopOnJvmExit(boolean stop) {
        return new PostgresOptions(fsync, password, stop, settings, binaries);
    }

    /** Adds a {@code postgresql.conf} setting, e.g. {@code wal_level=logical}; overrides the defaults here. */
    public PostgresOptions withSetting(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(name, value);
        return new PostgresOptions(fsync, password, stopOnJvmExit, more, binaries);
    }

    /** Runs the binaries in {@code binDir} instead of those {@link PostgresBinaries#binDir()} finds. */
    public PostgresOptions withBinaries(Path binDir) {
        return new PostgresOptions(fsync, password, stopOnJvmExit, settings, Objects.requireNonNull(binDir));
    }

    public boolean fsync() {
        return fsync;
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public boolean stopOnJvmExit() {
        return stopOnJvmExit;
    }

    public Map<String, String> settings() {
        return settings;
    }

    public Optional<Path> binaries() {
        return Optional.ofNullable(binaries);
    }

    @Override
    public String toString() {
        return "PostgresOptions[fsync=" + fsync + ", password=" + (password == null ? "generated" : "given")
                + ", stopOnJvmExit=" + stopOnJvmExit + ", settings=" + settings
                + ", binaries=" + (binaries == null ? "found" : binaries) + "]";
    }
}
