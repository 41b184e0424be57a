package dev.provisioning.digitaloceanagent.client;

import com.myjeeva.digitalocean.pojo.Certificate;
import com.myjeeva.digitalocean.pojo.Certificates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The certificate calls of the DigitalOcean API, through the {@code digitalocean-api-client} SDK. */
@ApplicationScoped
public class CertificateApi {

    private static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 50;

    private final DigitalOceanConnection connection;

    public CertificateApi(DigitalOceanConnection connection) {
        this.connection = connection;
    }

    /** The id of the certificate uploaded under this name, following the pages of {@code GET /v2/certificates}. */
    public Optional<String> idByName(String name) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            int pageNo = page;
            Certificates answer = connection.call("list certificates",
                    () -> connection.sdk().getAvailableCertificates(pageNo, PAGE_SIZE));
            List<Certificate> certificates = answer == null || answer.getCertificates() == null ? List.of()
                    : answer.getCertificates();
            Optional<String> found = certificates.stream().filter(c -> name.equals(c.getName()))
                    .map(Certificate::getId).findFirst();
            if (found.isPresent() || certificates.size() < PAGE_SIZE) {
                return found;
            }
        }
        return Optional.empty();
    }
}
