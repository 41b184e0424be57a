package dev.provisioning.providerclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DigitalOceanEndpointTest {

    @Test
    void aLocalEndpointIsASimulationWithItsPortInTheApiHost() {
        DigitalOceanEndpoint local = DigitalOceanEndpoint.of("k", URI.create("http://127.0.0.1:4566"));
        assertTrue(local.isSimulation());
        assertEquals("127.0.0.1:4566", local.apiHost());
        DigitalOceanEndpoint real = DigitalOceanEndpoint.of("k", URI.create("https://api.digitalocean.com"));
        assertFalse(real.isSimulation());
        assertEquals("api.digitalocean.com", real.apiHost());
        assertEquals("sim.local:80", DigitalOceanEndpoint.of("k", URI.create("http://sim.local")).apiHost());
    }

    @Test
    void refusesEndpointsTheSdkCannotReachNamingTheKey() {
        var noScheme = assertThrows(IllegalArgumentException.class,
                () -> DigitalOceanEndpoint.of("provisioning.digitalocean.endpoint", URI.create("ftp://x")));
        assertTrue(noScheme.getMessage().startsWith("provisioning.digitalocean.endpoint"), noScheme.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DigitalOceanEndpoint.of("k", URI.create("http://127.0.0.1:4566/v2")));
    }
}
