package dev.provisioning.costservice.client;

import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * The DigitalOcean SDK client aimed at a configured API host: the SDK only exposes its host as a protected field,
 * so a subclass is the one way to set it without reflection.
 */
public class EndpointDigitalOceanClient extends DigitalOceanClient {

    /**
     * @param apiHost {@code host} or {@code host:port}; the SDK itself always adds the {@code https} scheme
     */
    public EndpointDigitalOceanClient(String token, String apiHost, CloseableHttpClient httpClient) {
        super("v2", token, httpClient);
        this.apiHost = apiHost;
    }
}
