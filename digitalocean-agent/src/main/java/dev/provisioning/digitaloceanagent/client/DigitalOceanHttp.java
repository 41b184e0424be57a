package dev.provisioning.digitaloceanagent.client;

import dev.provisioning.digitaloceanagent.config.DigitalOceanConfig;
import java.net.URI;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Builds the HTTP client the SDK uses: timeouts, no hidden retries (the reconciler retries, with backoff), and the
 * response-header capture. For an {@code http://} endpoint (cloud-sim) the {@code https} scheme the SDK hard-codes is
 * served by a plain socket factory; a real endpoint keeps TLS.
 */
public final class DigitalOceanHttp {

    private DigitalOceanHttp() {
    }

    /** Whether the endpoint is a plain-HTTP simulation endpoint. */
    public static boolean isSimulation(URI endpoint) {
        return "http".equalsIgnoreCase(endpoint.getScheme());
    }

    /** {@code host} or {@code host:port} of the endpoint, as the SDK's {@code apiHost}. */
    public static String apiHost(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException("provisioning.digitalocean.endpoint must be an http(s) URL with a host, "
                    + "e.g. https://api.digitalocean.com or http://127.0.0.1:4566; was '" + endpoint + "'");
        }
        String path = endpoint.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("provisioning.digitalocean.endpoint must not have a path (the SDK "
                    + "always calls /v2/...); was '" + endpoint + "'");
        }
        return endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }

    public static CloseableHttpClient client(DigitalOceanConfig config, LastResponseHeaders headers) {
        int connectMillis = Math.toIntExact(config.connectTimeout().toMillis());
        int readMillis = Math.toIntExact(config.readTimeout().toMillis());
        HttpClientBuilder builder = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connectMillis)
                        .setConnectionRequestTimeout(connectMillis)
                        .setSocketTimeout(readMillis)
                        .build())
                .disableAutomaticRetries()
                .addInterceptorLast(headers);
        if (isSimulation(config.endpoint())) {
            Registry<ConnectionSocketFactory> plainOnly = RegistryBuilder.<ConnectionSocketFactory>create()
                    .register("https", PlainConnectionSocketFactory.getSocketFactory())
                    .register("http", PlainConnectionSocketFactory.getSocketFactory())
                    .build();
            builder.setConnectionManager(new PoolingHttpClientConnectionManager(plainOnly));
        }
        return builder.build();
    }
}
