package dev.provisioning.hetzneragent.client;

import dev.provisioning.hetzneragent.config.HetznerConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import me.tomsdevsn.hetznercloud.HetznerCloudAPI;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;

/**
 * Provides the hetznercloud-api client. Pointed at any endpoint other than the real API, its OkHttp client rewrites
 * every request's base URL (see {@link BaseUrlRewrite}); the real endpoint is used as the SDK has it.
 */
@Singleton
public class HetznerClients {

    /** The base URL compiled into hetznercloud-api. */
    public static final HttpUrl SDK_BASE_URL = HttpUrl.get("https://api.hetzner.cloud/v1");

    private static final Logger LOG = Logger.getLogger(HetznerClients.class);

    @Produces
    @Singleton
    ErrorResponses errorResponses() {
        return new ErrorResponses();
    }

    @Produces
    @Singleton
    OkHttpClient okHttpClient(HetznerConfig config, ErrorResponses errors) {
        return httpClient(config).newBuilder().addInterceptor(errors).build();
    }

    @Produces
    @Singleton
    HetznerCloudAPI hetznerCloudApi(HetznerConfig config, OkHttpClient client) {
        return new HetznerCloudAPI(config.token(), client);
    }

    /**
     * The OkHttp client for the SDK: timeouts, and the base-URL rewrite unless the endpoint is the real API. No
     * logging interceptor is ever added: OkHttp's would print the {@code Authorization} header.
     */
    public static OkHttpClient httpClient(HetznerConfig config) {
        HttpUrl endpoint = HttpUrl.get(config.endpoint().toString());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .callTimeout(config.readTimeout().plus(config.connectTimeout()).plus(Duration.ofSeconds(1)));
        if (!sameBase(endpoint, SDK_BASE_URL)) {
            builder.addInterceptor(new BaseUrlRewrite(SDK_BASE_URL, endpoint));
        }
        LOG.infof("Hetzner Cloud API at endpoint=%s", endpoint.newBuilder().query(null).build());
        return builder.build();
    }

    private static boolean sameBase(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port()
                && a.pathSegments().stream().filter(s -> !s.isEmpty()).toList()
                .equals(b.pathSegments().stream().filter(s -> !s.isEmpty()).toList());
    }
}
