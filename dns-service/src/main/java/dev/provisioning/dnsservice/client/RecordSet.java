package dev.provisioning.dnsservice.client;

import java.util.List;

/**
 * A simple (non-alias, non-routing-policy) Route53 record set.
 *
 * @param name the record name without the trailing dot, e.g. {@code us.api.example.com}
 * @param type {@code A}, {@code AAAA} or {@code CNAME}
 */
public record RecordSet(String name, String type, long ttl, List<String> values) {

    public RecordSet {
        values = List.copyOf(values);
    }
}
