package dev.provisioning.dnsservice;

import dev.provisioning.deploy.testing.KafkaTopics;
import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.CloudEventCodec;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceReady;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The events an agent would publish, and reading back what dns-service publishes. */
final class ResourceEvents {

    static final String AGENT = "/test/digitalocean-agent";

    private ResourceEvents() {
    }

    static Map<String, String> dnsContext(String name, String zone, String ttl) {
        return Map.of(ContextKeys.DNS_NAME, name, ContextKeys.DNS_ZONE, zone, ContextKeys.DNS_TTL, ttl);
    }

    static ResourceReady droplet(String address, String ipv4, Map<String, String> context) {
        return new ResourceReady("rollout-" + UUID.randomUUID(), ResourceAddress.parse(address), Provider.DIGITALOCEAN,
                "nyc3", String.valueOf(Math.abs(address.hashCode())), Map.of("ipv4", ipv4), "s-1vcpu-1gb",
                "digitalocean:size:s-1vcpu-1gb", context, Instant.now());
    }

    static ResourceDeleted deleted(ResourceReady ready) {
        return new ResourceDeleted("rollout-" + UUID.randomUUID(), ready.address(), ready.provider(), ready.providerId(),
                ready.context(), Instant.now());
    }

    static ProducerRecord<String, String> encode(ProvisioningMessage message) {
        return CloudEventCodec.encode(Topics.EVENTS, AGENT, message);
    }

    static void publish(ProvisioningMessage message) {
        KafkaTopics.send(encode(message));
    }

    /** The n-th (1-based) DnsRecordSynced published for a record address, waiting up to 30 s. */
    static DnsRecordSynced awaitSynced(String recordAddress, int nth) {
        return CloudEventCodec.decode(awaitSyncedRecord(recordAddress, nth)).dataAs(DnsRecordSynced.class);
    }

    static ConsumerRecord<String, String> awaitSyncedRecord(String recordAddress, int nth) {
        int[] seen = {0};
        ConsumerRecord<String, String> record = KafkaTopics.await(Topics.EVENTS, r -> {
            if (recordAddress.equals(r.key()) && "dev.provisioning.dns.record-synced".equals(
                    CloudEventCodec.optional(r.headers(), "ce_type"))) {
                seen[0]++;
            }
            return seen[0] == nth;
        }, Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError(
                "DnsRecordSynced #" + nth + " for " + recordAddress + " not published within 30 s"));
        return record;
    }
}
