package dev.provisioning.dnsservice.service;

import dev.provisioning.contracts.kafka.CloudEventMessages;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.dnsservice.config.DnsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes dns-service's events on {@code provisioning.events}, with the trace context of the current span. */
@ApplicationScoped
public class DnsEventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<String> emitter;
    private final DnsConfig config;

    public DnsEventPublisher(@Channel("dns-events") Emitter<String> emitter, DnsConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * Sends and waits for the broker's acknowledgement, so the incoming record is committed only after its outcome
     * is on the topic; when the broker does not acknowledge, the incoming record is not committed as handled and is
     * parked with the reason (Route53 changes are UPSERTs, so handling it again is safe).
     */
    public void publish(ProvisioningMessage message) {
        CloudEventMessages.publishAndAwait(emitter, config.eventSource(), message, ACK_TIMEOUT);
    }
}
