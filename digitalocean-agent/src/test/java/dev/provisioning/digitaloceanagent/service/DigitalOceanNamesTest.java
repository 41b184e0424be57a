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

    @Test
    void databaseNamesStartWithALetterAndHoldNoDots() {
        String name = DigitalOceanNames.forDatabase(ResourceAddress.parse("shop.example/us-east/database/2.main_db"));
        assertTrue(name.matches("db-2-main-db-[0-9a-f]{8}"), name);
        String plain = DigitalOceanNames.forDatabase(ResourceAddress.parse("shop.example/us-east/database/orders"));
        assertTrue(plain.matches("orders-[0-9a-f]{8}"), plain);
        String cut = DigitalOceanNames.forDatabase(new ResourceAddress("ws", "eu", "database", "x".repeat(80)));
        assertTrue(cut.length() <= DigitalOceanNames.MAX_LENGTH, cut);
        assertTrue(cut.matches("[a-z][a-z0-9-]{1,61}[a-z0-9]"), cut);
    }
}
