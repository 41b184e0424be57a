package dev.provisioning.cloudsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudSimMainTest {

    @Test
    void defaultsWithoutFlagsOrEnvironment() {
        assertEquals(CloudSimConfig.defaults(), CloudSimMain.parse(new String[0], Map.of()));
    }

    @Test
    void flagsOverrideEnvironment() {
        CloudSimConfig config = CloudSimMain.parse(
                new String[] {"--port", "5000", "--time-scale=0.5", "--droplet-delay-ms", "1000"},
                Map.of("CLOUD_SIM_PORT", "4000", "CLOUD_SIM_BIND", "0.0.0.0", "CLOUD_SIM_DNS_CHANGE_DELAY_MS", "250"));

        assertEquals(5000, config.port());
        assertEquals("0.0.0.0", config.bindAddress());
        assertEquals(0.5, config.timeScale());
        assertEquals(Duration.ofSeconds(1), config.dropletBootDelay());
        assertEquals(Duration.ofMillis(250), config.dnsChangeDelay());
        assertEquals(Duration.ofMillis(500), config.scaled(config.dropletBootDelay()));
    }

    @Test
    void theDatabaseDelayComesFromTheEnvironmentOrItsFlag() {
        assertEquals(Duration.ofMillis(1500), CloudSimMain.parse(new String[0],
                Map.of("CLOUD_SIM_DATABASE_DELAY_MS", "1500")).databaseDelay());
        assertEquals(Duration.ofMillis(20), CloudSimMain.parse(new String[] {"--database-delay-ms", "20"},
                Map.of("CLOUD_SIM_DATABASE_DELAY_MS", "1500")).databaseDelay());
    }

    @Test
    void theRdsDelayComesFromTheEnvironmentOrItsFlagAndIsScaled() {
        assertEquals(Duration.ofMillis(300), CloudSimMain.parse(new String[0], Map.of()).rdsDelay());
        assertEquals(Duration.ofMillis(5), CloudSimMain.parse(new String[0],
                Map.of("CLOUD_SIM_RDS_DELAY_MS", " 5 ")).rdsDelay());
        CloudSimConfig config = CloudSimMain.parse(new String[] {"--rds-delay-ms", "1000", "--time-scale", "0.5"},
                Map.of("CLOUD_SIM_RDS_DELAY_MS", "5"));
        assertEquals(Duration.ofSeconds(1), config.rdsDelay());
        assertEquals(Duration.ofMillis(500), config.scaled(config.rdsDelay()));
        assertThrows(IllegalArgumentException.class, () -> CloudSimMain.parse(new String[0],
                Map.of("CLOUD_SIM_RDS_DELAY_MS", "-1")));
        assertThrows(IllegalArgumentException.class, () -> CloudSimMain.parse(new String[0],
                Map.of("CLOUD_SIM_RDS_DELAY_MS", "x")));
    }

    @Test
    void badInputIsReported() {
        assertThrows(IllegalArgumentException.class, () -> CloudSimMain.parse(new String[] {"--port", "x"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> CloudSimMain.parse(new String[] {"--bogus", "1"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> CloudSimMain.parse(new String[] {"--port"}, Map.of()));
        assertNull(CloudSimMain.parse(new String[] {"--help"}, Map.of()));
    }

    @Test
    void startOnRandomPortAndClose() throws Exception {
        CloudSim sim = CloudSim.start(CloudSimConfig.defaults().withPort(0));
        try {
            assertEquals("http://127.0.0.1:" + sim.port(), sim.url());
        } finally {
            sim.close();
            sim.close();
        }
    }
}
