package dev.provisioning.cloudsim.state;

import java.util.Optional;

/** An IPv4 CIDR block such as {@code 10.1.0.0/24}, for Hetzner network and subnet ranges. */
public record HetznerIpRange(long base, int prefixLength) {

    /** @throws IllegalArgumentException when the text is not an IPv4 CIDR with the host bits cleared */
    public static HetznerIpRange parse(String cidr) {
        return tryParse(cidr).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR block: " + cidr));
    }

    /** Empty when the text is not an IPv4 CIDR with its host bits cleared. */
    public static Optional<HetznerIpRange> tryParse(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        try {
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            Optional<Long> base = toLong(cidr.substring(0, slash));
            if (base.isEmpty() || prefix < 0 || prefix > 32) {
                return Optional.empty();
            }
            HetznerIpRange range = new HetznerIpRange(base.get(), prefix);
            return (base.get() & ~range.mask()) == 0 ? Optional.of(range) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Number of addresses in the block. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** The address {@code offset} places after the block's first one. */
    public String address(long offset) {
        long value = base + offset;
        return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
    }

    public boolean contains(String ip) {
        return toLong(ip).map(value -> (value & mask()) == base).orElse(false);
    }

    /** Whether the other block lies entirely inside this one. */
    public boolean contains(HetznerIpRange other) {
        return other.prefixLength >= prefixLength && (other.base & mask()) == base;
    }

    /** Whether the two blocks share any address. */
    public boolean overlaps(HetznerIpRange other) {
        return contains(other) || other.contains(this);
    }

    /** The block of the given prefix length starting {@code index} such blocks after this one's first address. */
    public HetznerIpRange block(int blockPrefixLength, long index) {
        return new HetznerIpRange(base + index * (1L << (32 - blockPrefixLength)), blockPrefixLength);
    }

    /** The block in CIDR notation, e.g. {@code 10.0.1.0/24}. */
    public String cidr() {
        return address(0) + "/" + prefixLength;
    }

    /** Whether the text is a dotted IPv4 address. */
    public static boolean isAddress(String ip) {
        return ip != null && toLong(ip).isPresent();
    }

    private long mask() {
        return prefixLength == 0 ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
    }

    private static Optional<Long> toLong(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
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
}
