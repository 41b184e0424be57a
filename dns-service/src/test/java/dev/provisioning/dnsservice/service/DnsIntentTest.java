package dev.provisioning.dnsservice.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.cloudevents.MalformedMessageException;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.dnsservice.client.HealthCheckSettings;
import dev.provisioning.dnsservice.client.RecordSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsIntentTest {

    private static final ResourceAddress DROPLET = ResourceAddress.parse("slice/us-east/droplet/us-app-1");

    @Test
    void anIpv4AddressBecomesAnARecordWithTheNameNormalised() {
        DnsIntent intent = DnsIntent.of(ready(Map.of("ipv4", "198.51.100.7"),
                context("US.API.example.com.", "api.example.com", "120")), 60).orElseThrow();
        assertEquals(new RecordSet("us.api.example.com", "A", 120, List.of("198.51.100.7")), intent.recordSet());
        assertEquals("api.example.com", intent.zoneName());
        assertEquals(ResourceAddress.parse("slice/global/dns-record/us.api.example.com"), intent.recordAddress());
    }

    @Test
    void noDnsNameMeansNotForDns() {
        assertTrue(DnsIntent.of(ready(Map.of("ipv4", "198.51.100.7"), Map.of()), 60).isEmpty());
    }

    @Test
    void theTtlDefaults() {
        Map<String, String> context = context("us.api.example.com", "api.example.com", null);
        assertEquals(60, DnsIntent.of(ready(Map.of("ipv4", "198.51.100.7"), context), 60).orElseThrow()
                .recordSet().ttl());
    }

    @Test
    void aHostNameOnlyBecomesACnameButNeverAtTheApex() {
        DnsIntent intent = DnsIntent.of(ready(Map.of("dns_name", "alb-1.us-east-1.elb.amazonaws.com"),
                context("us.api.example.com", "api.example.com", "60")), 60).orElseThrow();
        assertEquals("CNAME", intent.recordSet().type());
        MalformedMessageException apex = assertThrows(MalformedMessageException.class, () -> DnsIntent.of(
                ready(Map.of("hostname", "lb.example.net"), context("api.example.com", "api.example.com", "60")), 60));
        assertTrue(apex.getMessage().contains("zone apex"), apex.getMessage());
    }

    @Test
    void unusableContextIsMalformedAndSaysWhy() {
        Map<String, String> ipv4 = Map.of("ipv4", "198.51.100.7");
        assertMalformed("is not inside dns.zone", ready(ipv4, context("www.other.org", "api.example.com", "60")));
        assertMalformed("dns.zone of", ready(ipv4, context("us.api.example.com", null, "60")));
        assertMalformed("dns.ttl 'soon'", ready(ipv4, context("us.api.example.com", "api.example.com", "soon")));
        assertMalformed("dns.ttl '-1'", ready(ipv4, context("us.api.example.com", "api.example.com", "-1")));
        assertMalformed("dns.name 'under_score..example.com'",
                ready(ipv4, context("under_score..example.com", "example.com", "60")));
        assertMalformed("no address to point it at",
                ready(Map.of("ipv4_private", "10.0.0.2"), context("us.api.example.com", "api.example.com", "60")));
        assertMalformed("not a dotted-quad",
                ready(Map.of("ipv4", "300.1.1.1"), context("us.api.example.com", "api.example.com", "60")));
    }

    @Test
    void callerReferencesAreStableAndWithinRoute53sLimit() {
        assertEquals("provisioning/slice/api.example.com", HostedZoneResolver.callerReference("slice", "api.example.com"));
        String longZone = "a".repeat(60) + "." + "b".repeat(60) + ".example.com";
        String reference = HostedZoneResolver.callerReference("slice", longZone);
        assertTrue(reference.length() <= 128, reference);
        assertEquals(reference, HostedZoneResolver.callerReference("slice", longZone));
    }

    private static void assertMalformed(String expected, ResourceReady ready) {
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> DnsIntent.of(ready, 60));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void healthAndApexContextBecomeAHealthCheckAndGeolocationRecordSets() {
        Map<String, String> context = context("us.api.example.com", "api.example.com", "60");
        context.put("dns.apex", "api.example.com");
        context.put("dns.set-id", "us-east");
        context.put("dns.geo", "*");
        context.put("dns.geo.also", "na, NA");
        context.put("dns.health.path", "/health");
        DnsIntent intent = DnsIntent.of(ready(Map.of("ipv4", "198.51.100.7"), context), 60).orElseThrow();
        assertEquals(new HealthCheckSettings("HTTPS", "us.api.example.com", 443, "/health", 30, 3), intent.healthCheck());
        assertEquals(List.of(new DnsIntent.ApexRecord("api.example.com", "us-east", "*"),
                new DnsIntent.ApexRecord("api.example.com", "us-east-na", "NA")), intent.apexRecords());
        assertEquals(ResourceAddress.parse("slice/global/dns-record/api.example.com.us-east-na"),
                intent.apexRecords().get(1).address("slice"));

        Map<String, String> noHealth = context("us.api.example.com", "api.example.com", "60");
        assertEquals(null, DnsIntent.of(ready(Map.of("ipv4", "198.51.100.7"), noHealth), 60).orElseThrow()
                .healthCheck());
    }

    @Test
    void unusableHealthOrApexContextIsRefusedWithTheKeyAndWhatIsAllowed() {
        Map<String, String> interval = context("us.api.example.com", "api.example.com", "60");
        interval.put("dns.health.interval", "20");
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> DnsIntent.of(ready(Map.of("ipv4", "198.51.100.7"), interval), 60));
        assertTrue(e.getMessage().contains("dns.health.interval") && e.getMessage().contains("10 or 30"),
                e.getMessage());
        Map<String, String> geo = context("us.api.example.com", "api.example.com", "60");
        geo.put("dns.apex", "api.example.com");
        geo.put("dns.geo", "XX");
        e = assertThrows(MalformedMessageException.class,
                () -> DnsIntent.of(ready(Map.of("ipv4", "198.51.100.7"), geo), 60));
        assertTrue(e.getMessage().contains("dns.geo") && e.getMessage().contains("continent code"), e.getMessage());
        Map<String, String> noGeo = context("us.api.example.com", "api.example.com", "60");
        noGeo.put("dns.apex", "api.example.com");
        assertThrows(MalformedMessageException.class,
                () -> DnsIntent.of(ready(Map.of("ipv4", "198.51.100.7"), noGeo), 60));
    }

    private static Map<String, String> context(String name, String zone, String ttl) {
        Map<String, String> context = new HashMap<>();
        context.put("dns.name", name);
        if (zone != null) {
            context.put("dns.zone", zone);
        }
        if (ttl != null) {
            context.put("dns.ttl", ttl);
        }
        return context;
    }

    private static ResourceReady ready(Map<String, String> addresses, Map<String, String> context) {
        return new ResourceReady("rollout-1", DROPLET, Provider.DIGITALOCEAN, "nyc3", "4711", addresses, "s-1vcpu-1gb",
                "digitalocean:size:s-1vcpu-1gb", context, Instant.now());
    }
}
