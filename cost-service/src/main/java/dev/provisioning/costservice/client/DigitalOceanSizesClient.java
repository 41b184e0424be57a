package dev.provisioning.costservice.client;

import com.myjeeva.digitalocean.DigitalOcean;
import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.exception.RequestUnsuccessfulException;
import com.myjeeva.digitalocean.pojo.Size;
import com.myjeeva.digitalocean.pojo.Sizes;
import dev.provisioning.costservice.config.DigitalOceanConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
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
        URI uri = parseEndpoint(config.endpoint());
        boolean plainHttp = "http".equalsIgnoreCase(uri.getScheme());
        this.endpoint = uri.getScheme() + "://" + apiHost(uri, plainHttp);
        this.httpClient = httpClient(plainHttp, (int) config.timeout().toMillis());
        this.api = new EndpointDigitalOceanClient(config.token(), apiHost(uri, plainHttp), httpClient);
        LOG.infof("DigitalOcean price data from %s%s", endpoint, plainHttp ? " (plain HTTP: simulation only)" : "");
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

    private static URI parseEndpoint(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("provisioning.digitalocean.endpoint '" + endpoint + "' is not a URL", e);
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("provisioning.digitalocean.endpoint '" + endpoint
                    + "' must be http(s)://host[:port], e.g. https://api.digitalocean.com");
        }
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            // The SDK always requests /v2/...; a path here would silently be ignored.
            throw new IllegalArgumentException("provisioning.digitalocean.endpoint '" + endpoint
                    + "' must not have a path: the SDK adds /v2 itself");
        }
        return uri;
    }

    private static String apiHost(URI uri, boolean plainHttp) {
        int port = uri.getPort();
        if (port < 0 && plainHttp) {
            // The SDK writes https://, whose default port is 443; a plain endpoint without a port means 80.
            port = 80;
        }
        return port < 0 ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static CloseableHttpClient httpClient(boolean plainHttp, int timeoutMillis) {
        HttpClientBuilder builder = HttpClients.custom()
                .setUserAgent("cost-service")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(timeoutMillis)
                        .setSocketTimeout(timeoutMillis)
                        .setConnectionRequestTimeout(timeoutMillis)
                        .build());
        if (plainHttp) {
            // The SDK hard-codes the https scheme; for the simulator, "https" is served by a plain socket.
            Registry<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                    .register("https", PlainConnectionSocketFactory.getSocketFactory())
                    .register("http", PlainConnectionSocketFactory.getSocketFactory())
                    .build();
            builder.setConnectionManager(new PoolingHttpClientConnectionManager(sockets));
        }
        return builder.build();
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
