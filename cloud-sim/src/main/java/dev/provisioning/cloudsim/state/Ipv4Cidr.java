package dev.provisioning.cloudsim.state;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 block such as {@code 10.0.0.0/16}, for VPC and subnet ranges and the addresses handed out in them. */
public record Ipv4Cidr(long base, int prefixLength) {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /**
     * Parses {@code a.b.c.d/n}; host bits must be zero, as EC2 insists.
     *
     * @throws IllegalArgumentException when the text is not such a block
     */
    public static Ipv4Cidr parse(String text) {
        Matcher m = text == null ? null : SHAPE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: " + text);
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 CIDR block: " + text);
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: " + text);
        }
        Ipv4Cidr cidr = new Ipv4Cidr(address, prefix);
        if ((address & ~cidr.mask()) != 0) {
            throw new IllegalArgumentException("host bits set in " + text);
        }
        return cidr;
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && (other.base & mask()) == base;
    }

    public boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The address {@code offset} hosts into the block, as dotted text. */
    public String address(long offset) {
        return dotted(base + offset);
    }

    @Override
    public String toString() {
        return dotted(base) + "/" + prefixLength;
    }

    private long mask() {
        return prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
    }

    private static String dotted(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
