package dev.provisioning.digitaloceanagent.service;

import dev.provisioning.contracts.ResourceAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names for DigitalOcean objects that have no tags (VPCs, load balancers), so the name is what ties them to their
 * address: {@code <address name>-<first 8 hex of sha256(address)>}, e.g. {@code web-lb-1a2b3c4d}. The readable part
 * keeps what DigitalOcean allows in names (letters, digits, {@code -}, {@code .}) and is cut so the whole name stays
 * within 63 characters; the hash makes it unique per workspace and region. Database clusters are found by tag, but
 * their name must still be unique in the account and follow stricter rules: see {@link #forDatabase}.
 */
public final class DigitalOceanNames {

    static final int MAX_LENGTH = 63;
    private static final int HASH_LENGTH = 8;

    private DigitalOceanNames() {
    }

    /** The deterministic name of the object for an address. */
    public static String forAddress(ResourceAddress address) {
        String readable = address.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        int room = MAX_LENGTH - HASH_LENGTH - 1;
        if (readable.length() > room) {
            readable = readable.substring(0, room);
        }
        readable = readable.replaceAll("[.-]+$", "");
        return (readable.isEmpty() ? "res" : readable) + "-" + hash(address);
    }

    /**
     * The name of the database cluster for an address: as {@link #forAddress}, but only lower-case letters, digits
     * and {@code -}, starting with a letter ({@code db-} is put in front otherwise), as DigitalOcean requires.
     */
    public static String forDatabase(ResourceAddress address) {
        String readable = address.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (readable.isEmpty() || !Character.isLetter(readable.charAt(0))) {
            readable = "db-" + readable;
        }
        int room = MAX_LENGTH - HASH_LENGTH - 1;
        if (readable.length() > room) {
            readable = readable.substring(0, room);
        }
        return readable.replaceAll("-+$", "") + "-" + hash(address);
    }

    private static String hash(ResourceAddress address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
