package dev.provisioning.costservice.client;

import com.myjeeva.digitalocean.DigitalOcean;
import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.exception.RequestUnsuccessfulException;
import com.myjeeva.digitalocean.pojo.Size;
import com.myjeeva.digitalocean.pojo.Sizes;
import dev.provisioning.costservice.config.DigitalOceanConfig;
import dev.provisioning.providerclients.DigitalOceanEndpoint;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.impl.client.CloseableHttpClient;
import org.jboss.logging.Logger;

/** Reads DigitalOcean's droplet sizes, with their monthly prices, through the DigitalOcean Java SDK. */
@ApplicationScoped
public class DigitalOceanSizesClient {

    private static final Logger LOG = Logger.getLogger(DigitalOceanSizesClient.class);
    /** Far more than DigitalOcean has ever listed; only stops a misbehaving endpoint from paging forever. */
    private static final int MAX_PAGES = 40;

    private final CloseableHttpClient httpClient;
    private final DigitalOcean api;
    private final String endpoint;

    public DigitalOceanSizesClient(DigitalOceanConfig config) {
        DigitalOceanEndpoint target = DigitalOceanEndpoint.of("provisioning.digitalocean.endpoint", parse(config.endpoint()));
        this.endpoint = target.uri().getScheme() + "://" + target.apiHost();
        this.httpClient = target.httpClient(config.timeout(), config.timeout()).setUserAgent("cost-service").build();
        this.api = target.client(config.token(), httpClient);
        LOG.infof("DigitalOcean price data from %s%s", endpoint,
                target.isSimulation() ? " (plain HTTP: simulation only)" : "");
    }

    /** The endpoint the sizes are read from, for messages. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * Every size DigitalOcean lists, following the pages.
     *
     * @throws DigitalOceanUnavailableException when the API cannot be reached or answers with an error
     */
    @WithSpan("DigitalOcean GET /v2/sizes")
    public List<Size> sizes() {
        Map<String, Size> bySlug = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Sizes result = fetchPage(page);
            List<Size> sizes = result.getSizes() == null ? List.of() : result.getSizes();
            int before = bySlug.size();
            for (Size size : sizes) {
                if (size.getSlug() != null) {
                    bySlug.putIfAbsent(size.getSlug(), size);
                }
            }
            if (sizes.isEmpty() || bySlug.size() == before || !hasMorePages(result, bySlug.size())) {
                break;
            }
        }
        return new ArrayList<>(bySlug.values());
    }

    private Sizes fetchPage(int page) {
        try {
            return api.getAvailableSizes(page);
        } catch (DigitalOceanException e) {
            throw new DigitalOceanUnavailableException("DigitalOcean GET /v2/sizes at " + endpoint + " answered HTTP "
                    + e.getHttpStatusCode() + ": " + oneLine(e.getMessage()), e);
        } catch (RequestUnsuccessfulException | RuntimeException e) {
            throw new DigitalOceanUnavailableException("DigitalOcean GET /v2/sizes at " + endpoint + " failed: "
                    + oneLine(e.getMessage()), e);
        }
    }

    private static boolean hasMorePages(Sizes result, int collected) {
        if (result.getLinks() != null && result.getLinks().getPages() != null
                && result.getLinks().getPages().getNext() != null) {
            return true;
        }
        Integer total = result.getMeta() == null ? null : result.getMeta().getTotal();
        return total != null && collected < total;
    }

    @PreDestroy
    void close() {
        try {
            httpClient.close();
        } catch (IOException e) {
            LOG.debugf("closing the DigitalOcean HTTP client failed: %s", e.getMessage());
        }
    }

    private static URI parse(String endpoint) {
        try {
            return URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("provisioning.digitalocean.endpoint '" + endpoint + "' is not a URL", e);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
