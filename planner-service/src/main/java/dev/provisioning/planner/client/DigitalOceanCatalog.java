package dev.provisioning.planner.client;

import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.exception.RequestUnsuccessfulException;
import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import com.myjeeva.digitalocean.pojo.Region;
import com.myjeeva.digitalocean.pojo.Size;
import dev.provisioning.planner.config.PlannerConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/** Reads DigitalOcean's regions and sizes, as its API lists them, through the DigitalOcean SDK. */
@ApplicationScoped
public class DigitalOceanCatalog {

    /** The sizes DigitalOcean offers, by slug, with the region slugs each is available in. */
    public record Listing(List<String> regions, Map<String, List<String>> sizeRegions, Instant readAt) {
    }

    private final PlannerConfig config;
    private final DigitalOceanClient client;
    private volatile Listing cached;

    public DigitalOceanCatalog(PlannerConfig config) {
        this.config = config;
        this.client = clientFor(config.digitalocean().endpoint(), config.digitalocean().token());
    }

    @WithSpan("digitalocean catalog")
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

    /**
     * The SDK always builds {@code https://<apiHost>/v2/...}; for an {@code http://} endpoint (the local cloud-sim)
     * its HttpClient maps the https scheme to plain sockets, so only the endpoint changes, never the SDK.
     */
    static DigitalOceanClient clientFor(String endpoint, String token) {
        URI uri = URI.create(endpoint);
        String host = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        CloseableHttpClient http;
        if ("http".equals(uri.getScheme())) {
            var registry = RegistryBuilder.<ConnectionSocketFactory>create()
                    .register("https", PlainConnectionSocketFactory.getSocketFactory())
                    .register("http", PlainConnectionSocketFactory.getSocketFactory())
                    .build();
            http = HttpClients.custom().setConnectionManager(new PoolingHttpClientConnectionManager(registry)).build();
        } else {
            http = HttpClients.createDefault();
        }
        return new EndpointDigitalOceanClient(token, host, http);
    }

    /** The SDK client with its API host taken from the configured endpoint. */
    private static final class EndpointDigitalOceanClient extends DigitalOceanClient {
        EndpointDigitalOceanClient(String token, String host, CloseableHttpClient http) {
            super("v2", token, http);
            this.apiHost = host;
        }
    }
}
