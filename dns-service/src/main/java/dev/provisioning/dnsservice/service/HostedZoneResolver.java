package dev.provisioning.dnsservice.service;

import dev.provisioning.dnsservice.client.Route53Gateway;
import dev.provisioning.dnsservice.client.Route53Zone;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/** Finds the hosted zone of a workspace's domain in Route53, creating it once and only once. */
@ApplicationScoped
public class HostedZoneResolver {

    private static final Logger LOG = Logger.getLogger(HostedZoneResolver.class);
    /** Route53's limit on a caller reference. */
    private static final int MAX_CALLER_REFERENCE = 128;

    private final Route53Gateway route53;
    private final DnsInventory inventory;

    public HostedZoneResolver(Route53Gateway route53, DnsInventory inventory) {
        this.route53 = route53;
        this.inventory = inventory;
    }

    /** The zone for {@code zoneName}, looked up by name first so that a redelivered event never creates a second one. */
    @WithSpan("dns.ensure-zone")
    public Route53Zone ensureZone(@SpanAttribute("dns.workspace") String workspace,
                                  @SpanAttribute("dns.zone") String zoneName) {
        String callerReference = callerReference(workspace, zoneName);
        Route53Zone zone = route53.findZone(zoneName, callerReference).orElseGet(() -> {
            Route53Zone created = route53.createZone(zoneName, callerReference);
            LOG.infof("created hosted zone %s (%s) for workspace %s", zoneName, created.id(), workspace);
            return created;
        });
        inventory.recordZone(workspace, zone, callerReference);
        return zone;
    }

    /**
     * A caller reference fixed by workspace and zone: Route53 rejects a second CreateHostedZone with the same one, which
     * is what makes a create repeated after a lost response safe.
     */
    static String callerReference(String workspace, String zoneName) {
        String readable = "provisioning/" + workspace + "/" + zoneName;
        if (readable.length() <= MAX_CALLER_REFERENCE) {
            return readable;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(readable.getBytes(StandardCharsets.UTF_8));
            return "provisioning/" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
