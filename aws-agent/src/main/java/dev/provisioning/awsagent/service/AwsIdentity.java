package dev.provisioning.awsagent.service;

import dev.provisioning.contracts.ResourceAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How the agent marks what it creates on AWS so that it finds it again: the {@code prov:address} tag (looked up
 * before any create), {@code Name} and {@code prov:workspace} for people browsing the console, a {@code ClientToken}
 * derived from the address, and for load balancers (whose names must be unique and short) a name derived from it.
 */
public final class AwsIdentity {

    public static final String ADDRESS_TAG = "prov:address";
    public static final String WORKSPACE_TAG = "prov:workspace";
    /** Which part of a composite resource (a VPC's subnets, gateway, security group) an object is. */
    public static final String PART_TAG = "prov:part";
    public static final String NAME_TAG = "Name";
    /** {@code primary} or {@code replica}, on database instances. */
    public static final String ROLE_TAG = "prov:role";
    /** The address of the primary a database replica follows. */
    public static final String REPLICA_OF_TAG = "prov:replica-of";

    private AwsIdentity() {
    }

    /**
     * The {@code ClientToken} of the {@code generation}-th instance of an address: the same on a redelivered command,
     * so EC2 returns the instance it already launched, and a new one once that instance has been terminated.
     */
    public static String clientToken(ResourceAddress address, int generation) {
        return "prov-" + sha256(address + "#" + generation).substring(0, 40);
    }

    /**
     * A load balancer or target group name for an address: at most 32 letters, digits and hyphens, readable
     * ({@code web-…}) and unique by a hash of the whole address.
     */
    public static String elbName(ResourceAddress address) {
        String readable = address.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (readable.length() > 20) {
            readable = readable.substring(0, 20).replaceAll("-+$", "");
        }
        String hash = sha256(address.toString()).substring(0, 10);
        return readable.isEmpty() ? "prov-" + hash : readable + "-" + hash;
    }

    /**
     * An RDS {@code DBInstanceIdentifier} for an address: at most 63 lower-case letters, digits and single hyphens,
     * starting with a letter, readable ({@code orders-db-…}) and unique by a hash of the whole address.
     */
    public static String dbInstanceIdentifier(ResourceAddress address) {
        return readableWithHash("db", address.name(), address.toString(), 40);
    }

    /** The DB subnet group the agent makes over the subnets of a {@code vpc} address, shared by its databases. */
    public static String dbSubnetGroupName(ResourceAddress vpcAddress) {
        return "prov-" + readableWithHash("net", vpcAddress.name(), vpcAddress.toString(), 40);
    }

    /** {@code <readable part, ≤ maxReadable>-<10 hex>}; the readable part starts with a letter ({@code prefix} else). */
    private static String readableWithHash(String prefix, String name, String hashed, int maxReadable) {
        String readable = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (!readable.isEmpty() && !Character.isLetter(readable.charAt(0))) {
            readable = prefix + "-" + readable;
        }
        if (readable.length() > maxReadable) {
            readable = readable.substring(0, maxReadable).replaceAll("-+$", "");
        }
        String hash = sha256(hashed).substring(0, 10);
        return (readable.isEmpty() ? prefix : readable) + "-" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
