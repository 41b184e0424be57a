package dev.provisioning.costservice.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.costservice.config.HetznerConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import me.tomsdevsn.hetznercloud.HetznerCloudAPI;
import me.tomsdevsn.hetznercloud.objects.general.Location;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jboss.logging.Logger;

/**
 * Reads Hetzner Cloud's price data: locations through the hetznercloud-api SDK, and {@code GET /v1/pricing} as raw
 * REST over the SDK's own OkHttp client, because the SDK's pricing model keeps its per-type classes package-private
 * and its amounts as {@code Double}, which cannot carry Hetzner's ten-decimal prices exactly.
 */
@ApplicationScoped
public class HetznerPricingClient {

    /** The base URL compiled into hetznercloud-api. */
    public static final HttpUrl SDK_BASE_URL = HttpUrl.get("https://api.hetzner.cloud/v1");

    private static final Logger LOG = Logger.getLogger(HetznerPricingClient.class);
    /** A whole price list is a few kilobytes; this only stops a misbehaving endpoint. */
    private static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    private final OkHttpClient http;
    private final HetznerCloudAPI sdk;
    private final String token;
    private final String endpoint;
    private final ObjectMapper json;

    public HetznerPricingClient(HetznerConfig config, ObjectMapper json) {
        HttpUrl target = parse(config.endpoint());
        this.endpoint = target.newBuilder().query(null).build().toString();
        this.token = config.token();
        this.json = json;
        // No logging interceptor, ever: OkHttp's would print the Authorization header.
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .callTimeout(config.timeout().multipliedBy(2).plus(Duration.ofSeconds(1)));
        if (!sameBase(target, SDK_BASE_URL)) {
            builder.addInterceptor(new BaseUrlRewrite(SDK_BASE_URL, target));
        }
        this.http = builder.build();
        this.sdk = new HetznerCloudAPI(token, http);
        LOG.infof("Hetzner price data from %s", endpoint);
    }

    /** The endpoint prices are read from, for messages. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * The names of every location, e.g. {@code nbg1}: volumes are priced per GB everywhere, per location.
     *
     * @throws PriceDataException when the API cannot be read
     */
    @WithSpan("Hetzner GET /v1/locations")
    public List<String> locationNames() {
        try {
            List<String> names = new ArrayList<>();
            for (Location location : sdk.getLocations().getLocations()) {
                names.add(location.getName());
            }
            return names;
        } catch (RuntimeException e) {
            throw new PriceDataException("Hetzner GET /v1/locations at " + endpoint + " failed: " + oneLine(e), e);
        }
    }

    /**
     * The {@code pricing} object of {@code GET /v1/pricing}: currency, server types, load balancer types and volume
     * prices, amounts as decimal strings.
     *
     * @throws PriceDataException when the API cannot be read or answers with something else
     */
    @WithSpan("Hetzner GET /v1/pricing")
    public JsonNode pricing() {
        Request request = new Request.Builder().url(SDK_BASE_URL.newBuilder().addPathSegment("pricing").build())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : response.peekBody(MAX_BODY_BYTES).string();
            if (!response.isSuccessful()) {
                throw new PriceDataException("Hetzner GET /v1/pricing at " + endpoint + " answered HTTP "
                        + response.code() + ": " + errorOf(text), null);
            }
            JsonNode pricing = json.readTree(text).path("pricing");
            if (!pricing.isObject()) {
                throw new PriceDataException("Hetzner GET /v1/pricing at " + endpoint
                        + " answered without a 'pricing' object", null);
            }
            return pricing;
        } catch (IOException e) {
            throw new PriceDataException("Hetzner GET /v1/pricing at " + endpoint + " failed: " + oneLine(e), e);
        }
    }

    @PreDestroy
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Hetzner's error object, {@code {"error":{"code":..,"message":..}}}, as one line. */
    private String errorOf(String text) {
        try {
            JsonNode error = json.readTree(text).path("error");
            if (error.isObject()) {
                return error.path("code").asText() + ": " + error.path("message").asText();
            }
        } catch (IOException notJson) {
            // Fall through to a shortened body.
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static HttpUrl parse(String endpoint) {
        HttpUrl url = HttpUrl.parse(endpoint.trim());
        if (url == null) {
            throw new IllegalArgumentException("provisioning.hetzner.endpoint '" + endpoint + "' is not an http(s) URL");
        }
        return url;
    }

    private static boolean sameBase(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port()
                && a.pathSegments().stream().filter(s -> !s.isEmpty()).toList()
                .equals(b.pathSegments().stream().filter(s -> !s.isEmpty()).toList());
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
