package dev.provisioning.costservice.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.myjeeva.digitalocean.pojo.Size;
import dev.provisioning.costservice.config.DigitalOceanConfig;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import dev.provisioning.deploy.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The DigitalOcean SDK, pointed at cloud-sim over plain HTTP, reads the sizes and their monthly prices. Runs inside
 * the application (with the configured token) so its header logging goes through the redaction filter.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
@WithTestResource(CloudSimTestResource.class)
class DigitalOceanSizesClientTests {

    @Inject
    DigitalOceanSizesClient client;

    @ConfigProperty(name = "provisioning.digitalocean.token")
    String token;

    @Test
    void readsEverySizeWithItsMonthlyPrice() {
        List<Size> sizes = client.sizes();

        Size size = sizes.stream().filter(s -> "s-2vcpu-4gb".equals(s.getSlug())).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("24").compareTo(size.getPriceMonthly()));
        assertEquals(sizes.size(), sizes.stream().map(Size::getSlug).distinct().count());
        assertEquals(CloudSimTestResource.sim().url(), client.endpoint());
    }

    @Test
    void unreachableEndpointIsReportedWithoutTheToken() {
        DigitalOceanSizesClient unreachable = new DigitalOceanSizesClient(config("http://127.0.0.1:9"));

        DigitalOceanUnavailableException e = assertThrows(DigitalOceanUnavailableException.class,
                unreachable::sizes);

        assertTrue(e.getMessage().contains("http://127.0.0.1:9"), e.getMessage());
        assertFalse(e.getMessage().contains(token));
        unreachable.close();
    }

    @Test
    void endpointWithAPathIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DigitalOceanSizesClient(config("http://127.0.0.1:4566/v2")));
        assertTrue(e.getMessage().contains("must not have a path"), e.getMessage());
    }

    private DigitalOceanConfig config(String endpoint) {
        return new DigitalOceanConfig() {
            @Override
            public String endpoint() {
                return endpoint;
            }

            @Override
            public String token() {
                return token;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
    }
}
