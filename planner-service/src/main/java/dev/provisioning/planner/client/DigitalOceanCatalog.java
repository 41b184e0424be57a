package dev.provisioning.planner.client;

import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.exception.RequestUnsuccessfulException;
import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import com.myjeeva.digitalocean.pojo.Region;
import com.myjeeva.digitalocean.pojo.Size;
import dev.provisioning.planner.config.PlannerConfig;
import dev.provisioning.providerclients.DigitalOceanEndpoint;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads DigitalOcean's regions and sizes, as its API lists them, through the DigitalOcean SDK. */
@ApplicationScoped
public class DigitalOceanCatalog implements DigitalOceanListing {

    private final PlannerConfig config;
    private final DigitalOceanClient client;
    private volatile Listing cached;

    public DigitalOceanCatalog(PlannerConfig config) {
        this.config = config;
        DigitalOceanEndpoint endpoint = DigitalOceanEndpoint.of("provisioning.digitalocean.endpoint",
                URI.create(config.digitalocean().endpoint()));
        this.client = endpoint.client(config.digitalocean().token(),
                endpoint.httpClient(Duration.ofSeconds(5), Duration.ofSeconds(30)).build());
    }

    @WithSpan("digitalocean catalog")
    @Override
    public Listing listing() {
        Listing current = cached;
        if (current != null && current.readAt().plus(config.planner().catalogTtl()).isAfter(Instant.now())) {
            return current;
        }
        try {
            List<String> regions = new ArrayList<>();
            for (int page = 1; ; page++) {
                List<Region> batch = client.getAvailableRegions(page).getRegions();
                batch.stream().filter(Region::isAvailable).map(Region::getSlug).forEach(regions::add);
                if (batch.size() < 20) {
                    break;
                }
            }
            Map<String, List<String>> sizes = new TreeMap<>();
            for (int page = 1; ; page++) {
                List<Size> batch = client.getAvailableSizes(page).getSizes();
                batch.stream().filter(Size::isAvailable).forEach(s -> sizes.put(s.getSlug(), List.copyOf(s.getRegions())));
                if (batch.size() < 20) {
                    break;
                }
            }
            cached = new Listing(List.copyOf(regions), sizes, Instant.now());
            return cached;
        } catch (DigitalOceanException | RequestUnsuccessfulException e) {
            throw new CatalogUnavailableException("digitalocean", e.getMessage(), e);
        }
    }
}
