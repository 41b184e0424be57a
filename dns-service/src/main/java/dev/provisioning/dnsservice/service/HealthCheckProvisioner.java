package dev.provisioning.dnsservice.service;

import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.dnsservice.ManagedHealthCheck;
import dev.provisioning.dnsservice.client.HealthCheckSettings;
import dev.provisioning.dnsservice.client.Route53Gateway;
import dev.provisioning.dnsservice.client.Route53HealthCheck;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.route53.model.HealthCheckAlreadyExistsException;

/**
 * Keeps one Route53 health check per regional name, created once however often its event is delivered.
 *
 * <p>The caller reference is derived from the record's address (plus a generation), so a create repeated after a lost
 * response returns the same check. Settings Route53 can change in place (port, path, threshold) are updated; a new
 * type or interval needs a new check, made under the next generation, and the old one is deleted once no record set
 * names it any more.
 */
@ApplicationScoped
public class HealthCheckProvisioner {

    private static final Logger LOG = Logger.getLogger(HealthCheckProvisioner.class);
    /** Route53's limit on a health check's caller reference. */
    private static final int MAX_CALLER_REFERENCE = 64;
    private static final int MAX_GENERATIONS = 50;

    /**
     * The check to attach, and the check it replaces (to delete after the record sets moved), if any.
     */
    public record Ensured(Route53HealthCheck check, String replacedId) {
    }

    private final Route53Gateway route53;
    private final DnsInventory inventory;

    public HealthCheckProvisioner(Route53Gateway route53, DnsInventory inventory) {
        this.route53 = route53;
        this.inventory = inventory;
    }

    @WithSpan("dns.ensure-health-check")
    public Ensured ensure(String workspace, ResourceAddress target, HealthCheckSettings wanted) {
        Optional<ManagedHealthCheck> stored = inventory.healthCheck(workspace, wanted.fqdn());
        int generation = stored.map(row -> row.generation).orElse(0);
        String replaced = null;
        if (stored.isPresent()) {
            Optional<Route53HealthCheck> live = route53.findHealthCheck(stored.get().healthCheckId);
            if (live.isPresent() && live.get().settings().equals(wanted)) {
                inventory.recordHealthCheck(workspace, target.toString(), live.get(), generation);
                return new Ensured(live.get(), null);
            }
            if (live.isPresent() && live.get().settings().updatableTo(wanted)) {
                Route53HealthCheck updated = route53.updateHealthCheck(live.get(), wanted);
                LOG.infof("health check %s of %s updated to %s", updated.id(), wanted.fqdn(), wanted);
                inventory.recordHealthCheck(workspace, target.toString(), updated, generation);
                return new Ensured(updated, null);
            }
            replaced = live.map(Route53HealthCheck::id).orElse(null);
            generation++;
        }
        ResourceAddress recordAddress = DnsIntent.recordAddress(workspace, wanted.fqdn());
        for (int attempt = 0; attempt < MAX_GENERATIONS; attempt++, generation++) {
            String callerReference = callerReference(recordAddress, generation);
            try {
                Route53HealthCheck created = route53.createHealthCheck(callerReference, wanted);
                inventory.recordHealthCheck(workspace, target.toString(), created, generation);
                LOG.infof("health check %s probes %s %s:%d%s every %d s (threshold %d)", created.id(), wanted.type(),
                        wanted.fqdn(), wanted.port(), wanted.path(), wanted.interval(), wanted.threshold());
                return new Ensured(created, replaced);
            } catch (HealthCheckAlreadyExistsException e) {
                // The reference is taken by a check with other settings (or a deleted one): adopt it when it can be
                // updated in place, otherwise move on to the next generation.
                Optional<Route53HealthCheck> existing = route53.findHealthCheckByCallerReference(callerReference);
                if (existing.isPresent() && existing.get().settings().updatableTo(wanted)) {
                    Route53HealthCheck updated = route53.updateHealthCheck(existing.get(), wanted);
                    inventory.recordHealthCheck(workspace, target.toString(), updated, generation);
                    return new Ensured(updated, replaced);
                }
            }
        }
        throw new IllegalStateException("no free health check caller reference for " + recordAddress + " after "
                + MAX_GENERATIONS + " generations");
    }

    /** {@code <record address>/hc[-<generation>]}, or a digest of it beyond Route53's 64 characters. */
    static String callerReference(ResourceAddress recordAddress, int generation) {
        String readable = recordAddress + "/hc" + (generation == 0 ? "" : "-" + generation);
        if (readable.length() <= MAX_CALLER_REFERENCE) {
            return readable;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(readable.getBytes(StandardCharsets.UTF_8));
            return "hc-" + HexFormat.of().formatHex(digest).substring(0, 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
