package dev.provisioning.awsagent.service;

import dev.provisioning.agent.retry.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subnets a VPC block is given: the first two blocks eight bits longer (a /16 gives two /24s, at most /28, as
 * AWS allows no smaller subnet), so that later subnets still fit.
 */
final class SubnetPlan {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private SubnetPlan() {
    }

    /** Rejects anything but an IPv4 block from /16 to /27 without host bits, as the spec's {@code cidr_block}. */
    static void validate(String cidrBlock) {
        parse(cidrBlock);
    }

    static List<String> subnetsOf(String cidrBlock, int count) {
        long[] block = parse(cidrBlock);
        int prefix = (int) Math.min(block[1] + 8, 28);
        long size = 1L << (32 - prefix);
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subnets.add(dotted(block[0] + i * size) + "/" + prefix);
        }
        return subnets;
    }

    private static long[] parse(String cidrBlock) {
        Matcher m = CIDR.matcher(cidrBlock);
        if (!m.matches()) {
            throw invalid(cidrBlock);
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw invalid(cidrBlock);
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix < 16 || prefix > 27) {
            throw ProviderException.invalidSpec("spec.cidr_block '" + cidrBlock
                    + "' must be between /16 and /27 (AWS allows VPCs from /16 to /28, and two subnets must fit)");
        }
        long hostBits = (1L << (32 - prefix)) - 1;
        if ((address & hostBits) != 0) {
            throw ProviderException.invalidSpec("spec.cidr_block '" + cidrBlock + "' has host bits set; did you mean "
                    + dotted(address & ~hostBits & 0xFFFFFFFFL) + "/" + prefix + "?");
        }
        return new long[] {address, prefix};
    }

    private static ProviderException invalid(String cidrBlock) {
        return ProviderException.invalidSpec("spec.cidr_block '" + cidrBlock
                + "' is not an IPv4 CIDR block such as 10.2.0.0/16");
    }

    private static String dotted(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
