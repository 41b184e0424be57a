package dev.provisioning.cloudsim.state;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** An IPv4 network in CIDR notation, as DigitalOcean VPCs use them ({@code 10.10.0.0/16}). */
public record DigitalOceanIpRange(int network, int prefixLength) {

    public DigitalOceanIpRange {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be between 0 and 32: " + prefixLength);
        }
        network = network & mask(prefixLength);
    }

    /** Parses {@code a.b.c.d/n}; empty when the text is not a CIDR block or has host bits set. */
    public static Optional<DigitalOceanIpRange> parse(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<Integer> address = parseAddress(cidr.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (address.isEmpty() || prefix < 0 || prefix > 32 || (address.get() & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new DigitalOceanIpRange(address.get(), prefix));
    }

    /** Parses a dotted IPv4 address into its 32 bits. */
    public static Optional<Integer> parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    /** Whether the block lies inside the private ranges of RFC 1918. */
    public boolean isPrivate() {
        return within(parse("10.0.0.0/8").orElseThrow()) || within(parse("172.16.0.0/12").orElseThrow())
                || within(parse("192.168.0.0/16").orElseThrow());
    }

    public boolean overlaps(DigitalOceanIpRange other) {
        int common = Math.min(prefixLength, other.prefixLength);
        return (network & mask(common)) == (other.network & mask(common));
    }

    public boolean contains(String address) {
        return parseAddress(address).map(a -> (a & mask(prefixLength)) == network).orElse(false);
    }

    /** The address {@code offset} hosts into the block, e.g. offset 2 of {@code 10.0.0.0/24} is {@code 10.0.0.2}. */
    public String host(long offset) {
        return format(network + (int) offset);
    }

    /** Number of addresses in the block. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** The first usable address, DigitalOcean's gateway for droplets in the VPC. */
    public String gateway() {
        return host(1);
    }

    /** The netmask in dotted form, e.g. {@code 255.255.240.0} for a /20. */
    public String netmask() {
        return format(mask(prefixLength));
    }

    /** The CIDR text, which is also how the range appears in JSON. */
    @JsonValue
    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }

    private boolean within(DigitalOceanIpRange outer) {
        return prefixLength >= outer.prefixLength && (network & mask(outer.prefixLength)) == outer.network;
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    private static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
