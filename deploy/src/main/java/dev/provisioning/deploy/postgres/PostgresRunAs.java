package dev.provisioning.deploy.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating-system account PostgreSQL runs under. {@code initdb} and {@code postgres} refuse to
 * run as root, so a root caller runs them as the unprivileged {@code postgres} user through
 * {@code runuser}, on directories that user owns; anyone else runs them directly.
 */
final class PostgresRunAs {

    static final String SERVICE_USER = "postgres";

    private final boolean dropPrivileges;

    private PostgresRunAs(boolean dropPrivileges) {
        this.dropPrivileges = dropPrivileges;
    }

    /** Decides for the current process, creating the {@code postgres} system user when root lacks it. */
    static PostgresRunAs forCurrentUser() {
        boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        if (root) {
            ensureServiceUserExists();
        }
        return new PostgresRunAs(root);
    }

    /** The command as it must be run: prefixed with {@code runuser -u postgres --} when root. */
    List<String> command(List<String> command) {
        if (!dropPrivileges) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SERVICE_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives {@code path} and everything below it to the service user; nothing to do when not root. */
    void own(Path path) {
        if (!dropPrivileges) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(SERVICE_USER);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(SERVICE_USER);
            try (Stream<Path> paths = Files.walk(path)) {
                for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                    PosixFileAttributeView view = Files.getFileAttributeView(
                            p, PosixFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + path + " to user " + SERVICE_USER, e);
        }
    }

    /**
     * Fails with the blocking directory named when the service user could not reach {@code dir}:
     * a private parent such as a root-only temporary directory is the usual cause.
     */
    void requireReachable(Path dir) {
        if (!dropPrivileges) {
            return;
        }
        for (Path ancestor = dir.toAbsolutePath().getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(ancestor);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                        && !SERVICE_USER.equals(Files.getOwner(ancestor).getName())) {
                    throw new IllegalStateException("PostgreSQL runs as user " + SERVICE_USER + ", which cannot reach "
                            + dir + " because " + ancestor + " is not searchable by others (chmod o+x "
                            + ancestor + ", or choose a data directory elsewhere, e.g. under /tmp)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot inspect " + ancestor, e);
            }
        }
    }

    private static void ensureServiceUserExists() {
        if (run(List.of("id", "-u", SERVICE_USER)) == 0) {
            return;
        }
        int status = run(List.of("useradd", "--system", "--no-create-home",
                "--shell", "/usr/sbin/nologin", SERVICE_USER));
        // Status 9: another process created the user in the meantime.
        if (status != 0 && status != 9 && run(List.of("id", "-u", SERVICE_USER)) != 0) {
            throw new IllegalStateException("running as root, and the unprivileged user '" + SERVICE_USER
                    + "' PostgreSQL needs could not be created (useradd exited with " + status + ")");
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
