package dev.provisioning.cloudsim.state;

import java.util.Locale;

/** Resource ids shaped like AWS's ({@code i-0a1b…}, 17 hex digits), unique per counter value yet random-looking. */
final class AwsIds {

    /** The account every simulated AWS resource belongs to, the one STS reports. */
    static final String ACCOUNT_ID = "000000000000";

    private AwsIds() {
    }

    /** {@code <prefix>-<17 hex digits>} for the n-th resource; a bijective mix keeps ids unique. */
    static String of(String prefix, long n) {
        return prefix + "-0" + hex16(n);
    }

    /** 16 hex digits for the n-th object, for ARN suffixes. */
    static String hex16(long n) {
        long z = n + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return String.format(Locale.ROOT, "%016x", z);
    }
}
