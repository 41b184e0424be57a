package dev.provisioning.cloudsim.aws.route53;

import java.util.List;
import java.util.Optional;

/**
 * Where TestDNSAnswer places a resolver or client subnet, from a small fixed table instead of a GeoIP database:
 * the three documentation ranges stand for one continent each, plus a few well-known public resolvers.
 */
final class ResolverLocations {

    /** A continent code and a country code, as Route53 geolocation records name them. */
    record Location(String continentCode, String countryCode) {
    }

    private record Range(String prefix, Location location) {
    }

    /** IPv4 prefixes by whole octets; the first match wins. */
    private static final List<Range> TABLE = List.of(
            new Range("192.0.2.", new Location("EU", "DE")),      // TEST-NET-1
            new Range("198.51.100.", new Location("NA", "US")),   // TEST-NET-2
            new Range("203.0.113.", new Location("AS", "SG")),    // TEST-NET-3
            new Range("8.8.8.", new Location("NA", "US")),        // Google Public DNS
            new Range("8.8.4.", new Location("NA", "US")),
            new Range("9.9.9.", new Location("EU", "CH")),        // Quad9
            new Range("1.1.1.", new Location("OC", "AU")),        // Cloudflare / APNIC
            new Range("208.67.222.", new Location("NA", "US")),   // OpenDNS
            new Range("180.76.76.", new Location("AS", "CN")),    // Baidu Public DNS
            new Range("200.221.11.", new Location("SA", "BR")),
            new Range("196.216.2.", new Location("AF", "ZA")));

    private ResolverLocations() {
    }

    static Optional<Location> locate(String ip) {
        if (ip == null || ip.isBlank()) {
            return Optional.empty();
        }
        String address = ip.trim();
        return TABLE.stream().filter(range -> address.startsWith(range.prefix())).map(Range::location).findFirst();
    }
}
