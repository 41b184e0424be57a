package dev.provisioning.dnsservice.service;

import dev.provisioning.dnsservice.client.Route53Gateway;
import dev.provisioning.dnsservice.config.DnsConfig;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Waits until Route53 reports a change INSYNC, so an event says "synced" only when resolvers can see it. */
@ApplicationScoped
public class ChangePropagation {

    private final Route53Gateway route53;
    private final DnsConfig config;

    public ChangePropagation(Route53Gateway route53, DnsConfig config) {
        this.route53 = route53;
        this.config = config;
    }

    /** @throws ChangeNotInSyncException when the change is still PENDING after the configured timeout */
    @WithSpan("dns.await-insync")
    public void awaitInSync(@SpanAttribute("dns.change-id") String changeId) {
        Duration interval = config.changeWait().interval();
        long deadline = System.nanoTime() + config.changeWait().timeout().toNanos();
        while (!route53.isInSync(changeId)) {
            if (System.nanoTime() > deadline) {
                throw new ChangeNotInSyncException(changeId, config.changeWait().timeout());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChangeNotInSyncException(changeId, Duration.ZERO);
            }
        }
    }
}
