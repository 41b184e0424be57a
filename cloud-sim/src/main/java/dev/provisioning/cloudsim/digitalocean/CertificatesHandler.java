package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DigitalOceanCertificate;
import dev.provisioning.cloudsim.state.DigitalOceanCertificateStore;
import dev.provisioning.cloudsim.state.DigitalOceanConflict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * {@code /v2/certificates}: the minimum load balancers need, custom (uploaded PEM) and Let's Encrypt certificates
 * that can be created, listed, read and deleted. Certificates are verified at once; the PEM is checked for shape only.
 */
final class CertificatesHandler {

    private static final Duration VALIDITY = Duration.ofDays(90);

    private final DigitalOceanCertificateStore store;

    CertificatesHandler(DigitalOceanCertificateStore store) {
        this.store = store;
    }

    /** Handles a request whose path continues after {@code /v2/certificates} with {@code rest}. */
    SimResponse handle(SimRequest request, List<String> rest) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "POST" -> create(request);
                case "GET" -> list(request);
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        if (rest.size() == 1) {
            String id = rest.get(0);
            return switch (method) {
                case "GET" -> single(store.find(id).orElseThrow(RejectedDigitalOceanRequest::notFound), 200);
                case "DELETE" -> {
                    if (!store.delete(id)) {
                        throw RejectedDigitalOceanRequest.notFound();
                    }
                    yield SimResponse.empty(204);
                }
                default -> throw DigitalOceanApi.methodNotAllowed();
            };
        }
        throw RejectedDigitalOceanRequest.notFound();
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = RequestBodies.object(request);
        String name = RequestBodies.text(body, "name").orElseThrow(() -> RejectedDigitalOceanRequest.unprocessable(
                "name is required to create a certificate."));
        String type = RequestBodies.text(body, "type").orElse("custom");
        List<String> dnsNames = new ArrayList<>();
        body.path("dns_names").forEach(n -> dnsNames.add(n.asText()));
        String fingerprintSource;
        switch (type) {
            case "custom" -> {
                String key = RequestBodies.text(body, "private_key").orElse("");
                String leaf = RequestBodies.text(body, "leaf_certificate").orElse("");
                if (!key.contains("-----BEGIN") || !leaf.contains("-----BEGIN CERTIFICATE-----")) {
                    throw RejectedDigitalOceanRequest.unprocessable(
                            "private_key and leaf_certificate must be PEM-encoded for a custom certificate.");
                }
                fingerprintSource = leaf;
            }
            case "lets_encrypt" -> {
                if (dnsNames.isEmpty()) {
                    throw RejectedDigitalOceanRequest.unprocessable(
                            "dns_names must list at least one name for a lets_encrypt certificate.");
                }
                fingerprintSource = String.join(",", dnsNames) + name;
            }
            default -> throw RejectedDigitalOceanRequest.unprocessable("type must be custom or lets_encrypt.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            return single(store.create(new DigitalOceanCertificate(UUID.randomUUID().toString(), name, type,
                    "verified", dnsNames, sha1(fingerprintSource), now.plus(VALIDITY), now)), 201);
        } catch (DigitalOceanConflict conflict) {
            throw RejectedDigitalOceanRequest.unprocessable(conflict.getMessage());
        }
    }

    private SimResponse list(SimRequest request) {
        List<DigitalOceanCertificate> all = store.list();
        DigitalOceanPages pages = DigitalOceanPages.of(request);
        ObjectNode body = SimJson.object();
        body.set("certificates", DigitalOceanJson.array(
                pages.slice(all).stream().map(DigitalOceanJson::certificate).toList()));
        return SimResponse.json(200, pages.decorate(body, all.size()));
    }

    private static SimResponse single(DigitalOceanCertificate certificate, int status) {
        ObjectNode body = SimJson.object();
        body.set("certificate", DigitalOceanJson.certificate(certificate));
        return SimResponse.json(status, body);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
