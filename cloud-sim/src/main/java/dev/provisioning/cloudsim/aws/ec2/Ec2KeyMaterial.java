package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Real key material for EC2 key pairs, shaped as EC2 hands it out: a new RSA pair's private key as a PKCS#1 PEM
 * ({@code BEGIN RSA PRIVATE KEY}) fingerprinted by the SHA-1 of its PKCS#8 form, a new ED25519 pair's as an OpenSSH
 * private key fingerprinted by the base64 SHA-256 of the public key; imported OpenSSH public keys fingerprinted by the
 * MD5 of the DER public key (RSA) or, again, the base64 SHA-256 (ED25519).
 */
final class Ec2KeyMaterial {

    /** A key pair made here: the private key, which EC2 shows once, and what it keeps. */
    record Created(String privateKeyPem, String publicKey, String fingerprint) {
    }

    /** An imported public key: its type ({@code rsa}, {@code ed25519}), the key as kept, its fingerprint. */
    record Imported(String keyType, String publicKey, String fingerprint) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ED25519_KEY_BYTES = 32;

    private Ec2KeyMaterial() {
    }

    /** A new key pair of the type ({@code rsa} or {@code ed25519}); the key name becomes the public key's comment. */
    static Created create(String keyType, String keyName) {
        try {
            return keyType.equals("ed25519") ? ed25519(keyName) : rsa(keyName);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make " + keyType + " keys", e);
        }
    }

    /**
     * Reads an OpenSSH public key ({@code ssh-rsa AAAA… comment} or {@code ssh-ed25519 AAAA… comment}).
     *
     * @throws RejectedAwsRequest {@code InvalidKey.Format} for anything else, as EC2 answers
     */
    static Imported importPublicKey(byte[] material, String keyName) {
        String[] parts = new String(material, StandardCharsets.UTF_8).trim().split("\\s+");
        try {
            if (parts.length < 2) {
                throw new IllegalArgumentException("not type and key");
            }
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            SshWire.Reader reader = new SshWire.Reader(blob);
            String type = reader.text();
            if (!type.equals(parts[0])) {
                throw new IllegalArgumentException("key type differs from its blob's");
            }
            String publicKey = parts[0] + " " + parts[1] + " " + keyName;
            if (type.equals("ssh-ed25519")) {
                if (reader.string().length != ED25519_KEY_BYTES || !reader.atEnd()) {
                    throw new IllegalArgumentException("not an ED25519 key");
                }
                return new Imported("ed25519", publicKey, sha256Fingerprint(blob));
            }
            if (type.equals("ssh-rsa")) {
                BigInteger exponent = reader.mpint();
                BigInteger modulus = reader.mpint();
                if (!reader.atEnd() || modulus.bitLength() < 1024) {
                    throw new IllegalArgumentException("not an RSA key of 1024 bits or more");
                }
                byte[] der = KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(modulus, exponent)).getEncoded();
                return new Imported("rsa", publicKey, colonHex(MessageDigest.getInstance("MD5").digest(der)));
            }
            throw new IllegalArgumentException("unsupported key type " + type);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new RejectedAwsRequest(400, "InvalidKey.Format",
                    "Key is not in valid OpenSSH public key format");
        }
    }

    private static Created rsa(String keyName) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        byte[] blob = new SshWire.Writer().string("ssh-rsa").mpint(pub.getPublicExponent()).mpint(pub.getModulus())
                .bytes();
        String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " " + keyName;
        return new Created(pem("RSA PRIVATE KEY", Pkcs8.privateKeyOf(pkcs8), 64), publicKey,
                colonHex(MessageDigest.getInstance("SHA-1").digest(pkcs8)));
    }

    private static Created ed25519(String keyName) throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] pub = Arrays.copyOfRange(x509, x509.length - ED25519_KEY_BYTES, x509.length);
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        byte[] blob = new SshWire.Writer().string("ssh-ed25519").string(pub).bytes();
        byte[] secret = new byte[2 * ED25519_KEY_BYTES];
        System.arraycopy(seed, 0, secret, 0, ED25519_KEY_BYTES);
        System.arraycopy(pub, 0, secret, ED25519_KEY_BYTES, ED25519_KEY_BYTES);
        int check = RANDOM.nextInt();
        SshWire.Writer section = new SshWire.Writer().uint32(check & 0xffffffffL).uint32(check & 0xffffffffL)
                .string("ssh-ed25519").string(pub).string(secret).string(keyName);
        for (int pad = 1; section.size() % 8 != 0; pad++) {
            section.raw(new byte[] {(byte) pad});
        }
        byte[] file = new SshWire.Writer().raw("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII))
                .string("none").string("none").string("").uint32(1).string(blob).string(section.bytes()).bytes();
        String publicKey = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob) + " " + keyName;
        return new Created(pem("OPENSSH PRIVATE KEY", file, 70), publicKey, sha256Fingerprint(blob));
    }

    private static String sha256Fingerprint(byte[] blob) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
    }

    private static String colonHex(byte[] digest) {
        return HexFormat.ofDelimiter(":").formatHex(digest);
    }

    private static String pem(String label, byte[] der, int lineLength) {
        String body = Base64.getEncoder().encodeToString(der);
        StringBuilder text = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < body.length(); i += lineLength) {
            text.append(body, i, Math.min(body.length(), i + lineLength)).append('\n');
        }
        return text.append("-----END ").append(label).append("-----").toString();
    }
}
