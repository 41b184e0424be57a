package dev.provisioning.digitaloceanagent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DigitalOceanHttpTest {

    @Test
    void theApiHostKeepsAnExplicitPort() {
        assertEquals("127.0.0.1:4566", DigitalOceanHttp.apiHost(URI.create("http://127.0.0.1:4566")));
        assertEquals("api.digitalocean.com", DigitalOceanHttp.apiHost(URI.create("https://api.digitalocean.com/")));
    }

    @Test
    void onlyPlainHttpIsSimulation() {
        assertTrue(DigitalOceanHttp.isSimulation(URI.create("http://127.0.0.1:4566")));
        assertFalse(DigitalOceanHttp.isSimulation(URI.create("https://api.digitalocean.com")));
    }

    @Test
    void endpointsTheSdkCannotReachAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DigitalOceanHttp.apiHost(URI.create("http://127.0.0.1:4566/do")));
        assertThrows(IllegalArgumentException.class, () -> DigitalOceanHttp.apiHost(URI.create("ftp://example.com")));
    }
}
