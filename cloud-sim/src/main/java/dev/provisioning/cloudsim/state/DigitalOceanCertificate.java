package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;

/**
 * A TLS certificate stored for DigitalOcean load balancers to terminate HTTPS with.
 *
 * @param type  {@code custom} (uploaded) or {@code lets_encrypt}
 * @param state {@code verified}, or {@code pending} while a Let's Encrypt certificate is issued
 */
public record DigitalOceanCertificate(String id, String name, String type, String state, List<String> dnsNames,
                                      String sha1Fingerprint, Instant notAfter, Instant createdAt) {

    public DigitalOceanCertificate {
        dnsNames = List.copyOf(dnsNames);
    }
}
