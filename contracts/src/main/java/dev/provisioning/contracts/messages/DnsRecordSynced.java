package dev.provisioning.contracts.messages;

import dev.provisioning.contracts.ResourceAddress;
import java.time.Instant;
import java.util.List;

/**
 * Event from dns-service: a record set now holds {@code values} in the hosted zone.
 *
 * @param address the record's own address: {@code <workspace>/global/dns-record/<name>}
 * @param target  the address of the resource the record points at
 */
public record DnsRecordSynced(String rolloutId, ResourceAddress address, ResourceAddress target, String zoneId,
                              String recordName, String recordType, long ttl, List<String> values,
                              Instant syncedAt) implements ProvisioningMessage {

    public DnsRecordSynced {
        Require.present(address, "address");
        Require.text(zoneId, "zoneId");
        Require.text(recordName, "recordName");
        Require.text(recordType, "recordType");
        Require.present(syncedAt, "syncedAt");
        values = values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public String key() {
        return address.toString();
    }
}
