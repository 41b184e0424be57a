package dev.provisioning.providerclients;

import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Points the DigitalOcean SDK at a configured endpoint. The SDK always builds {@code https://<apiHost>/v2/...} and
 * only lets subclasses change {@code apiHost}; for an {@code http://} endpoint (cloud-sim) the https scheme it
 * hard-codes is served by a plain socket factory, so only the endpoint changes, never the SDK. A real endpoint keeps
 * TLS.
 */
public final class DigitalOceanEndpoint {

    private final URI endpoint;
    private final String apiHost;

    private DigitalOceanEndpoint(URI endpoint, String apiHost) {
        this.endpoint = endpoint;
        this.apiHost = apiHost;
    }

    /**
     * @param endpoint e.g. {@code https://api.digitalocean.com} or {@code http://127.0.0.1:4566}
     * @throws IllegalArgumentException naming the key, the value and what is allowed
     */
    public static DigitalOceanEndpoint of(String configKey, URI endpoint) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException(configKey + " must be an http(s) URL with a host, e.g. "
                    + "https://api.digitalocean.com or http://127.0.0.1:4566; was '" + endpoint + "'");
        }
        String path = endpoint.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException(configKey + " must not have a path (the SDK always calls /v2/...); was '"
                    + endpoint + "'");
        }
        int port = endpoint.getPort();
        if (port == -1 && scheme.equalsIgnoreCase("http")) {
            // The SDK writes https://, whose default port is 443; a plain endpoint without a port means 80.
            port = 80;
        }
        String host = port == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + port;
        return new DigitalOceanEndpoint(endpoint, host);
    }

    /** Whether this is a plain-HTTP simulation endpoint. */
    public boolean isSimulation() {
        return "http".equalsIgnoreCase(endpoint.getScheme());
    }

    /** {@code host} or {@code host:port}, the SDK's {@code apiHost}. */
    public String apiHost() {
        return apiHost;
    }

    public URI uri() {
        return endpoint;
    }

    /**
     * An HttpClient builder with timeouts, reaching a simulation endpoint over plain HTTP; callers may add
     * interceptors before building. Only idempotent requests are retried here, once, when a pooled connection the
     * server had already closed fails before any response: callers classify and retry everything else with backoff,
     * and a create is never sent twice by the transport.
     */
    public HttpClientBuilder httpClient(Duration connectTimeout, Duration readTimeout) {
        int connectMillis = Math.toIntExact(connectTimeout.toMillis());
        HttpClientBuilder builder = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connectMillis)
                        .setConnectionRequestTimeout(connectMillis)
                        .setSocketTimeout(Math.toIntExact(readTimeout.toMillis()))
                        .build())
                .setRetryHandler(new DefaultHttpRequestRetryHandler(1, false))
                .evictIdleConnections(10, TimeUnit.SECONDS);
        if (isSimulation()) {
            Registry<ConnectionSocketFactory> plainOnly = RegistryBuilder.<ConnectionSocketFactory>create()
                    .register("https", PlainConnectionSocketFactory.getSocketFactory())
                    .register("http", PlainConnectionSocketFactory.getSocketFactory())
                    .build();
            PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(plainOnly);
            pool.setValidateAfterInactivity(200);
            builder.setConnectionManager(pool);
        }
        return builder;
    }

    /** The SDK client for this endpoint. The token is kept by the SDK only, never logged here. */
    public DigitalOceanClient client(String token, CloseableHttpClient http) {
        return new EndpointClient(apiHost, token, http);
    }

    /** The SDK client with its API host taken from the endpoint. */
    private static final class EndpointClient extends DigitalOceanClient {
        EndpointClient(String apiHost, String token, CloseableHttpClient http) {
            super("v2", token, http);
            this.apiHost = apiHost;
        }
    }
}
