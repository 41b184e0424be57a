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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
