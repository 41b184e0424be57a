package dev.provisioning.digitaloceanagent.client;

import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * The SDK client pointed at a configurable host: the SDK builds {@code https://<apiHost>/v2/...} and only lets
 * subclasses change {@code apiHost}. With {@code host:port} it reaches cloud-sim (see {@link DigitalOceanHttp}).
 */
public class EndpointDigitalOceanClient extends DigitalOceanClient {

    public EndpointDigitalOceanClient(String apiHost, String token, CloseableHttpClient httpClient) {
        super("v2", token, httpClient);
        this.apiHost = apiHost;
    }

    /** {@code host} or {@code host:port} the requests go to. */
    public String apiHost() {
        return apiHost;
    }
}
