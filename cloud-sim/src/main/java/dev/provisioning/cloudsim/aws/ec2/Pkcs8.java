package dev.provisioning.cloudsim.aws.ec2;

import java.util.Arrays;

/**
 * Just enough DER to take the algorithm-specific private key (for RSA the PKCS#1 {@code RSAPrivateKey}) out of a
 * PKCS#8 {@code PrivateKeyInfo}: {@code SEQUENCE { INTEGER version, SEQUENCE algorithm, OCTET STRING privateKey }}.
 */
final class Pkcs8 {

    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;

    private Pkcs8() {
    }

    static byte[] privateKeyOf(byte[] privateKeyInfo) {
        int[] outer = header(privateKeyInfo, 0, SEQUENCE);
        int position = outer[0];
        int end = outer[0] + outer[1];
        while (position < end) {
            int tag = privateKeyInfo[position] & 0xff;
            int[] element = header(privateKeyInfo, position, tag);
            if (tag == OCTET_STRING) {
                return Arrays.copyOfRange(privateKeyInfo, element[0], element[0] + element[1]);
            }
            position = element[0] + element[1];
        }
        throw new IllegalArgumentException("no private key in the PKCS#8 structure");
    }

    /** The content's start and length of the element at {@code offset}, which must carry {@code tag}. */
    private static int[] header(byte[] der, int offset, int tag) {
        if ((der[offset] & 0xff) != tag) {
            throw new IllegalArgumentException("unexpected DER tag " + (der[offset] & 0xff));
        }
        int first = der[offset + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {offset + 2, first};
        }
        int lengthBytes = first & 0x7f;
        int length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (der[offset + 2 + i] & 0xff);
        }
        return new int[] {offset + 2 + lengthBytes, length};
    }
}
