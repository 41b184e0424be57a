package dev.provisioning.cloudsim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsNamesTest {

    @Test
    void canonicalFormIsLowerCaseFullyQualifiedAndEscaped() {
        assertEquals("www.example.com.", DnsNames.canonical("WWW.Example.com"));
        assertEquals("www.example.com.", DnsNames.canonical("www.example.com."));
        assertEquals("\\052.example.com.", DnsNames.canonical("*.example.com"));
        assertEquals("\\052.example.com.", DnsNames.canonical("\\052.example.com."));
        assertEquals("_acme-challenge.example.com.", DnsNames.canonical("_acme-challenge.example.com"));
    }

    @Test
    void validityRejectsEmptyAndOverlongLabels() {
        assertTrue(DnsNames.isValid("example.com."));
        assertFalse(DnsNames.isValid("a..com."));
        assertFalse(DnsNames.isValid("."));
        assertFalse(DnsNames.isValid("x".repeat(64) + ".com."));
    }

    @Test
    void routeFiftyThreeOrderReadsLabelsRightToLeft() {
        List<String> names = new ArrayList<>(List.of("www.example.com.", "example.com.", "a.example.org.", "api.example.com."));

        names.sort(DnsNames.ROUTE53_ORDER);

        assertEquals(List.of("example.com.", "api.example.com.", "www.example.com.", "a.example.org."), names);
    }

    @Test
    void withinZoneMeansApexOrBelow() {
        assertTrue(DnsNames.isWithin("example.com.", "example.com."));
        assertTrue(DnsNames.isWithin("a.b.example.com.", "example.com."));
        assertFalse(DnsNames.isWithin("badexample.com.", "example.com."));
    }
}
