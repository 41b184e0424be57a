package dev.provisioning.digitaloceanagent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.ResourceAddress;
import org.junit.jupiter.api.Test;

class DigitalOceanNamesTest {

    @Test
    void theNameIsTheAddressNameAndAStableHash() {
        ResourceAddress address = ResourceAddress.parse("shop.example/us-east/load-balancer/web_lb");
        String name = DigitalOceanNames.forAddress(address);
        assertTrue(name.matches("web-lb-[0-9a-f]{8}"), name);
        assertEquals(name, DigitalOceanNames.forAddress(ResourceAddress.parse(address.toString())));
        assertNotEquals(name, DigitalOceanNames.forAddress(
                ResourceAddress.parse("shop.example/eu-central/load-balancer/web_lb")));
    }

    @Test
    void longNamesAreCutToDigitalOceansLimit() {
        ResourceAddress address = new ResourceAddress("ws", "eu", "vpc", "a".repeat(100) + "-x");
        String name = DigitalOceanNames.forAddress(address);
        assertEquals(DigitalOceanNames.MAX_LENGTH, name.length());
        assertTrue(name.matches("[a-z0-9.-]+"), name);
    }
}
