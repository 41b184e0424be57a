package dev.provisioning.cloudsim.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Names RDS gives its objects: ARNs, endpoint host names ({@code <identifier>.<12 characters>.<region>.rds.amazonaws.com},
 * the middle part fixed per account and region as on AWS) and resource ids.
 */
final class RdsNames {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private RdsNames() {
    }

    static String instanceArn(String region, String identifier) {
        return "arn:aws:rds:" + region + ":" + AwsIds.ACCOUNT_ID + ":db:" + identifier;
    }

    static String subnetGroupArn(String region, String name) {
        return "arn:aws:rds:" + region + ":" + AwsIds.ACCOUNT_ID + ":subgrp:" + name;
    }

    static String endpointAddress(String region, String identifier) {
        return identifier + ".c" + token("endpoint/" + AwsIds.ACCOUNT_ID + "/" + region, 11) + "." + region
                + ".rds.amazonaws.com";
    }

    /**
     * The hosted zone id reported with every endpoint of the region: stable per region, but the simulator's own, not
     * the id AWS uses there.
     */
    static String hostedZoneId(String region) {
        return "Z" + token("zone/" + region, 13).toUpperCase(Locale.ROOT);
    }

    /** {@code db-} and 26 upper-case letters and digits, unique per counter value. */
    static String dbiResourceId(long n) {
        return "db-" + (AwsIds.hex16(n) + AwsIds.hex16(n + (1L << 40)).substring(0, 10)).toUpperCase(Locale.ROOT);
    }

    private static String token(String seed, int length) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(Math.floorMod(digest[i], ALPHABET.length())));
        }
        return out.toString();
    }
}
