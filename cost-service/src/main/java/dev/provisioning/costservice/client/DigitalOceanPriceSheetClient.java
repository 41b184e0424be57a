package dev.provisioning.costservice.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.costservice.config.CostConfig;
import dev.provisioning.costservice.config.DigitalOceanConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the DigitalOcean price sheet an operator publishes for the prices DigitalOcean's API does not serve, from
 * {@code provisioning.cost.digitalocean.price-sheet-url}: over HTTP(S) without credentials (the DigitalOcean token is
 * never sent to it), or from a {@code file:} URL.
 */
@ApplicationScoped
public class DigitalOceanPriceSheetClient {

    private static final Logger LOG = Logger.getLogger(DigitalOceanPriceSheetClient.class);
    /** A price sheet is a few kilobytes; this only stops a misbehaving endpoint. */
    private static final int MAX_BODY_CHARS = 1024 * 1024;

    private final Optional<URI> url;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    public DigitalOceanPriceSheetClient(CostConfig config, DigitalOceanConfig digitalOcean, ObjectMapper json) {
        this.url = config.digitalocean().priceSheetUrl();
        this.timeout = digitalOcean.timeout();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        url.ifPresent(u -> {
            String scheme = scheme(u);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
                throw new IllegalArgumentException("provisioning.cost.digitalocean.price-sheet-url '" + u
                        + "' must be an http, https or file URL");
            }
            LOG.infof("DigitalOcean load balancer and database prices from the price sheet at %s", u);
        });
    }

    /** The configured sheet's location; empty when the prices come from the configuration. */
    public Optional<URI> url() {
        return url;
    }

    /**
     * The price sheet as a JSON document.
     *
     * @throws PriceDataException when no URL is configured, or the sheet cannot be read or is not JSON
     */
    @WithSpan("DigitalOcean price sheet")
    public JsonNode read() {
        URI location = url.orElseThrow(() -> new PriceDataException("no DigitalOcean price sheet URL is set", null));
        String text = scheme(location).equals("file") ? readFile(location) : fetch(location);
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new PriceDataException("the DigitalOcean price sheet at " + location + " is not JSON: "
                    + oneLine(e.getMessage()), e);
        }
    }

    private String fetch(URI location) {
        HttpRequest request = HttpRequest.newBuilder(location).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body();
            if (response.statusCode() != 200) {
                throw new PriceDataException("the DigitalOcean price sheet at " + location + " answered HTTP "
                        + response.statusCode() + ": " + shorten(body), null);
            }
            return limited(body, location);
        } catch (IOException e) {
            throw new PriceDataException("the DigitalOcean price sheet at " + location + " cannot be read: "
                    + oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PriceDataException("interrupted while reading the DigitalOcean price sheet", e);
        }
    }

    private static String readFile(URI location) {
        String text;
        try {
            text = Files.readString(Path.of(location));
        } catch (IOException | RuntimeException e) {
            throw new PriceDataException("the DigitalOcean price sheet at " + location + " cannot be read: "
                    + oneLine(String.valueOf(e.getMessage())), e);
        }
        return limited(text, location);
    }

    private static String limited(String body, URI location) {
        if (body.length() > MAX_BODY_CHARS) {
            throw new PriceDataException("the DigitalOcean price sheet at " + location + " is larger than "
                    + MAX_BODY_CHARS + " characters", null);
        }
        return body;
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String text) {
        String line = oneLine(text);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
