package dev.provisioning.dnsservice.service;

import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.cloudevents.MalformedMessageException;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.dnsservice.client.HealthCheckSettings;
import dev.provisioning.dnsservice.client.RecordSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The record sets a {@code ResourceReady} asks for through its {@code dns.*} context: which regional name, in which
 * zone, pointing at which address of which resource; the health check of that name ({@code dns.health.*}, null when
 * there is none) and the geolocation record sets of the apex that answer with the same address ({@code dns.apex}).
 */
public record DnsIntent(ResourceAddress target, String rolloutId, String zoneName, RecordSet recordSet,
                        HealthCheckSettings healthCheck, List<ApexRecord> apexRecords) {

    /**
     * One geolocation record set of the apex for this region.
     *
     * @param geo a continent code, or {@code *} for the default location
     */
    public record ApexRecord(String name, String setIdentifier, String geo) {

        /** Its own address, {@code <workspace>/global/dns-record/<apex>.<set-id>}, the key of its events. */
        public ResourceAddress address(String workspace) {
            return apexAddress(workspace, name, setIdentifier);
        }
    }

    private static final java.util.Set<String> CONTINENTS = java.util.Set.of("AF", "AN", "AS", "EU", "NA", "OC", "SA");
    private static final Pattern SET_ID = Pattern.compile("[a-z0-9]([a-z0-9_-]{0,62}[a-z0-9])?");

    public DnsIntent {
        apexRecords = apexRecords == null ? List.of() : List.copyOf(apexRecords);
    }

    /** The region segment of a DNS record's own address: records are not regional. */
    public static final String RECORD_REGION = "global";
    public static final String RECORD_KIND = "dns-record";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final long MAX_TTL = 2_147_483_647L;

    public String workspace() {
        return target.workspace();
    }

    /** The record's own address, {@code <workspace>/global/dns-record/<name>}, the key of its events. */
    public ResourceAddress recordAddress() {
        return recordAddress(workspace(), recordSet.name());
    }

    public static ResourceAddress recordAddress(String workspace, String recordName) {
        return new ResourceAddress(workspace, RECORD_REGION, RECORD_KIND, recordName);
    }

    /** An apex record set's address: the apex and the set identifier joined by a dot, as '#' is not allowed there. */
    public static ResourceAddress apexAddress(String workspace, String apexName, String setIdentifier) {
        return new ResourceAddress(workspace, RECORD_REGION, RECORD_KIND, apexName + "." + setIdentifier);
    }

    /**
     * The intent of a ResourceReady; empty when it carries no {@code dns.name} (not for DNS).
     *
     * @throws MalformedMessageException when the DNS context is present but unusable: the event can never succeed
     */
    public static Optional<DnsIntent> of(ResourceReady ready, long defaultTtl) {
        Optional<String> name = recordName(ready.context(), ready.address());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String zone = zoneName(ready.context(), ready.address(), name.get());
        long ttl = ttl(ready.context(), ready.address(), defaultTtl);
        RecordSet recordSet = recordSet(ready.addresses(), ready.address(), name.get(), zone, ttl);
        HealthCheckSettings health = healthCheck(ready.context(), ready.address(), name.get());
        List<ApexRecord> apex = apexRecords(ready.context(), ready.address(), zone, recordSet);
        return Optional.of(new DnsIntent(ready.address(), ready.rolloutId(), zone, recordSet, health, apex));
    }

    /** The health check settings of {@code dns.health.*}, or null when the context has none of these keys. */
    private static HealthCheckSettings healthCheck(Map<String, String> context, ResourceAddress resource,
                                                   String name) {
        boolean any = context.keySet().stream().anyMatch(k -> k.startsWith("dns.health."));
        if (!any) {
            return null;
        }
        String protocol = context.getOrDefault(ContextKeys.DNS_HEALTH_PROTOCOL, "HTTPS").trim()
                .toUpperCase(Locale.ROOT);
        if (!protocol.equals("HTTPS") && !protocol.equals("HTTP")) {
            throw invalid(resource, ContextKeys.DNS_HEALTH_PROTOCOL, protocol, "HTTPS or HTTP");
        }
        int port = integer(context, ContextKeys.DNS_HEALTH_PORT, resource, protocol.equals("HTTPS") ? 443 : 80,
                1, 65_535);
        String path = context.getOrDefault(ContextKeys.DNS_HEALTH_PATH, "/").trim();
        if (!path.startsWith("/") || path.length() > 255) {
            throw invalid(resource, ContextKeys.DNS_HEALTH_PATH, path, "a path starting with '/' (at most 255 "
                    + "characters)");
        }
        int interval = integer(context, ContextKeys.DNS_HEALTH_INTERVAL, resource, 30, 10, 30);
        if (interval != 10 && interval != 30) {
            throw invalid(resource, ContextKeys.DNS_HEALTH_INTERVAL, String.valueOf(interval), "10 or 30 seconds");
        }
        int threshold = integer(context, ContextKeys.DNS_HEALTH_THRESHOLD, resource, 3, 1, 10);
        return new HealthCheckSettings(protocol, name, port, path, interval, threshold);
    }

    /** The apex record sets of {@code dns.apex}: one for {@code dns.geo}, one more per code of {@code dns.geo.also}. */
    private static List<ApexRecord> apexRecords(Map<String, String> context, ResourceAddress resource, String zone,
                                                RecordSet regional) {
        String rawApex = context.get(ContextKeys.DNS_APEX);
        if (rawApex == null || rawApex.isBlank()) {
            return List.of();
        }
        String apex = normalise(rawApex);
        if (!isHostname(apex) || !(apex.equals(zone) || apex.endsWith("." + zone))) {
            throw invalid(resource, ContextKeys.DNS_APEX, rawApex, "a DNS name inside dns.zone '" + zone + "'");
        }
        String setId = context.getOrDefault(ContextKeys.DNS_SET_ID, resource.region()).trim();
        if (!SET_ID.matcher(setId).matches()) {
            throw invalid(resource, ContextKeys.DNS_SET_ID, setId, "lowercase letters, digits, '-' or '_' "
                    + "(1-64 characters, alphanumeric at both ends)");
        }
        String rawGeo = context.get(ContextKeys.DNS_GEO);
        if (rawGeo == null || rawGeo.isBlank()) {
            throw new MalformedMessageException("context " + ContextKeys.DNS_GEO + " of " + resource
                    + " is missing; it is required whenever " + ContextKeys.DNS_APEX + " is set");
        }
        List<ApexRecord> records = new java.util.ArrayList<>();
        records.add(new ApexRecord(apex, setId, geo(rawGeo, ContextKeys.DNS_GEO, resource)));
        String also = context.getOrDefault(ContextKeys.DNS_GEO_ALSO, "");
        for (String code : also.split(",")) {
            if (code.isBlank()) {
                continue;
            }
            String geo = geo(code, ContextKeys.DNS_GEO_ALSO, resource);
            if (geo.equals("*")) {
                throw invalid(resource, ContextKeys.DNS_GEO_ALSO, also, "continent codes only; '*' belongs in "
                        + ContextKeys.DNS_GEO);
            }
            if (records.stream().noneMatch(r -> r.geo().equals(geo))) {
                records.add(new ApexRecord(apex, setId + "-" + geo.toLowerCase(Locale.ROOT), geo));
            }
        }
        for (ApexRecord record : records) {
            if (!ResourceAddress.isValidSegment(apex + "." + record.setIdentifier())) {
                throw invalid(resource, ContextKeys.DNS_SET_ID, setId, "a set identifier short enough for the "
                        + "apex record's address '" + apex + "." + record.setIdentifier() + "' (128 characters)");
            }
        }
        return List.copyOf(records);
    }

    private static String geo(String raw, String key, ResourceAddress resource) {
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (!code.equals("*") && !CONTINENTS.contains(code)) {
            throw invalid(resource, key, raw, "a continent code " + new java.util.TreeSet<>(CONTINENTS)
                    + " or '*' for the default location");
        }
        return code;
    }

    private static int integer(Map<String, String> context, String key, ResourceAddress resource, int fallback,
                               int min, int max) {
        String raw = context.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw invalid(resource, key, raw, "a whole number from " + min + " to " + max);
    }

    /** The normalised {@code dns.name} of an event's context (lower case, no trailing dot), if it has one. */
    public static Optional<String> recordName(Map<String, String> context, ResourceAddress resource) {
        String raw = context.get(ContextKeys.DNS_NAME);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = normalise(raw);
        if (!isHostname(name)) {
            throw invalid(resource, ContextKeys.DNS_NAME, raw, "a DNS name of dot-separated labels "
                    + "(letters, digits, '-', at most 63 characters each, 253 in all)");
        }
        if (!ResourceAddress.isValidSegment(name)) {
            throw invalid(resource, ContextKeys.DNS_NAME, raw, "a name that fits in a resource address "
                    + "(at most 128 characters)");
        }
        return Optional.of(name);
    }

    private static String zoneName(Map<String, String> context, ResourceAddress resource, String name) {
        String raw = context.get(ContextKeys.DNS_ZONE);
        if (raw == null || raw.isBlank()) {
            throw new MalformedMessageException("context " + ContextKeys.DNS_ZONE + " of " + resource
                    + " is missing; it is required whenever " + ContextKeys.DNS_NAME + " is set");
        }
        String zone = normalise(raw);
        if (!isHostname(zone)) {
            throw invalid(resource, ContextKeys.DNS_ZONE, raw, "a domain name such as api.example.com");
        }
        if (!name.equals(zone) && !name.endsWith("." + zone)) {
            throw new MalformedMessageException("context " + ContextKeys.DNS_NAME + " '" + name + "' of " + resource
                    + " is not inside " + ContextKeys.DNS_ZONE + " '" + zone + "'");
        }
        return zone;
    }

    private static long ttl(Map<String, String> context, ResourceAddress resource, long defaultTtl) {
        String raw = context.get(ContextKeys.DNS_TTL);
        if (raw == null || raw.isBlank()) {
            return defaultTtl;
        }
        try {
            long ttl = Long.parseLong(raw.trim());
            if (ttl >= 0 && ttl <= MAX_TTL) {
                return ttl;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw invalid(resource, ContextKeys.DNS_TTL, raw, "a whole number of seconds from 0 to " + MAX_TTL);
    }

    private static RecordSet recordSet(Map<String, String> addresses, ResourceAddress resource, String name,
                                       String zone, long ttl) {
        String ipv4 = addresses.get("ipv4");
        if (ipv4 != null && !ipv4.isBlank()) {
            if (!IPV4.matcher(ipv4.trim()).matches()) {
                throw new MalformedMessageException("address ipv4 '" + ipv4 + "' of " + resource
                        + " is not a dotted-quad IPv4 address");
            }
            return new RecordSet(name, "A", ttl, List.of(ipv4.trim()));
        }
        String ipv6 = addresses.get("ipv6");
        if (ipv6 != null && !ipv6.isBlank()) {
            if (!ipv6.contains(":")) {
                throw new MalformedMessageException("address ipv6 '" + ipv6 + "' of " + resource
                        + " is not an IPv6 address");
            }
            return new RecordSet(name, "AAAA", ttl, List.of(ipv6.trim()));
        }
        // Load balancers of some providers are reached by host name only (an AWS ALB's DNS name).
        for (String key : List.of("hostname", "dns_name")) {
            String host = addresses.get(key);
            if (host != null && !host.isBlank()) {
                if (name.equals(zone)) {
                    throw new MalformedMessageException("resource " + resource + " has only a host name (" + key
                            + "), and a CNAME cannot sit at the zone apex '" + zone + "'");
                }
                return new RecordSet(name, "CNAME", ttl, List.of(normalise(host)));
            }
        }
        throw new MalformedMessageException("resource " + resource + " carries " + ContextKeys.DNS_NAME + " '" + name
                + "' but no address to point it at: expected addresses.ipv4, ipv6, hostname or dns_name, got "
                + addresses.keySet());
    }

    private static MalformedMessageException invalid(ResourceAddress resource, String key, String value,
                                                     String expected) {
        return new MalformedMessageException("context " + key + " '" + value + "' of " + resource
                + " is invalid: expected " + expected);
    }

    private static String normalise(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean isHostname(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
