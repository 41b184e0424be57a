package dev.provisioning.digitaloceanagent.client;

import com.myjeeva.digitalocean.pojo.Region;
import dev.provisioning.agent.warmup.ProviderWarmUp;
import dev.provisioning.digitaloceanagent.config.DigitalOceanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Lists the regions through the SDK once ({@code GET /v2/regions}, first page), so the connection (SDK client and
 * HTTP client, which the raw JSON calls share) is built and its classes loaded before the first command.
 */
@ApplicationScoped
public class DigitalOceanWarmUp implements ProviderWarmUp {

    private final DigitalOceanConnection connection;
    private final DigitalOceanConfig config;

    public DigitalOceanWarmUp(DigitalOceanConnection connection, DigitalOceanConfig config) {
        this.connection = connection;
        this.config = config;
    }

    @Override
    public String warmUp() {
        List<Region> regions = connection.call("list regions", () -> connection.sdk().getAvailableRegions(1)).getRegions();
        return "DigitalOcean API client (GET /v2/regions: " + (regions == null ? 0 : regions.size()) + " regions)";
    }

    @Override
    public List<String> secrets() {
        return List.of(config.token());
    }
}
