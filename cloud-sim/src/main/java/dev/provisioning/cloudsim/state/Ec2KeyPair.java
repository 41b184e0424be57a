package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.Map;

/**
 * A simulated EC2 key pair: only the public half is kept, as on AWS (the private key of a created pair is handed out
 * once, in the {@code CreateKeyPair} answer).
 *
 * @param keyType     {@code rsa} or {@code ed25519}
 * @param fingerprint as EC2 reports it (SHA-1 of the private key for a created RSA pair, MD5 of the public key for an
 *                    imported one, base64 SHA-256 for ED25519)
 * @param publicKey   the public key in OpenSSH format, e.g. {@code ssh-ed25519 AAAA… name}
 */
public record Ec2KeyPair(String keyPairId, String region, String keyName, String keyType, String fingerprint,
                         String publicKey, Instant createTime, Map<String, String> tags) {

    public Ec2KeyPair {
        tags = Tags.copy(tags);
    }

    Ec2KeyPair withTags(Map<String, String> newTags) {
        return new Ec2KeyPair(keyPairId, region, keyName, keyType, fingerprint, publicKey, createTime, newTags);
    }
}
