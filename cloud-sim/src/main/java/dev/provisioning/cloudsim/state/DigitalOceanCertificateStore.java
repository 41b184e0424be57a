package dev.provisioning.cloudsim.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Thread-safe store of DigitalOcean certificates; names are unique per account, as DigitalOcean requires. */
public final class DigitalOceanCertificateStore {

    private final Map<String, DigitalOceanCertificate> certificates = new LinkedHashMap<>();

    /** @throws DigitalOceanConflict when the name is taken */
    public synchronized DigitalOceanCertificate create(DigitalOceanCertificate certificate) {
        if (certificates.values().stream().anyMatch(c -> c.name().equals(certificate.name()))) {
            throw new DigitalOceanConflict("A certificate with the name '" + certificate.name() + "' already exists.");
        }
        certificates.put(certificate.id(), certificate);
        return certificate;
    }

    public synchronized List<DigitalOceanCertificate> list() {
        return List.copyOf(certificates.values());
    }

    public synchronized Optional<DigitalOceanCertificate> find(String id) {
        return Optional.ofNullable(certificates.get(id));
    }

    public synchronized boolean delete(String id) {
        return certificates.remove(id) != null;
    }

    public synchronized void reset() {
        certificates.clear();
    }
}
