package dev.provisioning.cloudsim.aws.ec2;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;

/**
 * The SSH wire encoding (RFC 4251: {@code uint32}, {@code string}, {@code mpint}) that OpenSSH public keys and
 * private key files are made of.
 */
final class SshWire {

    private SshWire() {
    }

    /** Builds an SSH-encoded byte sequence. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint32(long value) {
            out.write((int) (value >>> 24) & 0xff);
            out.write((int) (value >>> 16) & 0xff);
            out.write((int) (value >>> 8) & 0xff);
            out.write((int) value & 0xff);
            return this;
        }

        Writer string(byte[] value) {
            uint32(value.length);
            out.writeBytes(value);
            return this;
        }

        Writer string(String value) {
            return string(value.getBytes(StandardCharsets.UTF_8));
        }

        Writer mpint(BigInteger value) {
            return string(value.toByteArray());
        }

        Writer raw(byte[] value) {
            out.writeBytes(value);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Reads an SSH-encoded byte sequence; malformed input fails with {@link IllegalArgumentException}. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] bytes) {
            this.in = ByteBuffer.wrap(bytes);
        }

        byte[] string() {
            try {
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new IllegalArgumentException("string longer than the data");
                }
                byte[] value = new byte[length];
                in.get(value);
                return value;
            } catch (BufferUnderflowException e) {
                throw new IllegalArgumentException("truncated SSH data", e);
            }
        }

        String text() {
            return new String(string(), StandardCharsets.UTF_8);
        }

        BigInteger mpint() {
            return new BigInteger(string());
        }

        boolean atEnd() {
            return !in.hasRemaining();
        }
    }
}
