package dev.provisioning.digitaloceanagent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.exception.RequestUnsuccessfulException;
import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.digitaloceanagent.config.DigitalOceanConfig;
import dev.provisioning.providerclients.DigitalOceanEndpoint;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpDelete;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpPut;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;

/**
 * The one connection to the DigitalOcean API: the SDK client, and raw JSON requests over the same HTTP client for
 * what the SDK cannot express. Every failure becomes a classified {@link ProviderException} whose text never
 * contains the token.
 */
@ApplicationScoped
public class DigitalOceanConnection {

    private static final Logger LOG = Logger.getLogger(DigitalOceanConnection.class);

    /** An SDK call, which reports failures as the SDK's checked exceptions. */
    @FunctionalInterface
    public interface SdkCall<T> {
        T run() throws DigitalOceanException, RequestUnsuccessfulException;
    }

    private final CloseableHttpClient http;
    private final DigitalOceanClient sdk;
    private final DigitalOceanEndpoint endpoint;
    private final LastResponseHeaders headers = new LastResponseHeaders();
    private final ObjectMapper json;
    private final String token;
    private final Clock clock = Clock.systemUTC();

    public DigitalOceanConnection(DigitalOceanConfig config, ObjectMapper json) {
        this.token = config.token();
        this.json = json;
        this.endpoint = DigitalOceanEndpoint.of("provisioning.digitalocean.endpoint", config.endpoint());
        this.http = endpoint.httpClient(config.connectTimeout(), config.readTimeout()).addInterceptorLast(headers).build();
        this.sdk = endpoint.client(token, http);
        LOG.infof("DigitalOcean API at host=%s simulation=%s", endpoint.apiHost(), endpoint.isSimulation());
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    public ObjectMapper json() {
        return json;
    }

    /** Runs an SDK call, classifying its failures. */
    public <T> T call(String operation, SdkCall<T> call) {
        headers.clear();
        try {
            return call.run();
        } catch (DigitalOceanException e) {
            throw ProviderException.fromHttpStatus(e.getHttpStatusCode(), e.getId(), redact(e.getMessage()),
                    headers::get, clock);
        } catch (RequestUnsuccessfulException e) {
            if (e.getCause() instanceof IOException io) {
                throw redacted(ProviderException.fromIoFailure(operation, io));
            }
            // The SDK's own argument checks: a defect in this agent's request, not a provider answer.
            throw ProviderException.of("invalid_request", operation + ": " + redact(e.getMessage()), false);
        }
    }

    /** Runs an SDK call; empty when the provider answers 404. */
    public <T> Optional<T> callOrAbsent(String operation, SdkCall<T> call) {
        try {
            return Optional.ofNullable(call(operation, call));
        } catch (ProviderException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A raw JSON request to {@code /v2/...} with the SDK's credentials and HTTP client.
     *
     * @param body request body, or null for none
     * @return the response body; an empty object for 204
     */
    public JsonNode send(String operation, String method, String path, JsonNode body) {
        HttpRequestBase request = switch (method) {
            case "GET" -> new HttpGet(url(path));
            case "POST" -> new HttpPost(url(path));
            case "PUT" -> new HttpPut(url(path));
            case "DELETE" -> new HttpDelete(url(path));
            default -> throw new IllegalArgumentException("unsupported method " + method);
        };
        request.setHeader("Authorization", "Bearer " + token);
        if (body != null && request instanceof HttpEntityEnclosingRequestBase withBody) {
            withBody.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
        }
        headers.clear();
        try (CloseableHttpResponse response = http.execute(request)) {
            int status = response.getStatusLine().getStatusCode();
            String text = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            JsonNode answer = readQuietly(text);
            if (status >= 400) {
                throw ProviderException.fromHttpStatus(status, answer.path("id").asText(null),
                        redact(answer.path("message").asText(null)),
                        name -> firstHeader(response.getFirstHeader(name)), clock);
            }
            return answer;
        } catch (IOException e) {
            throw redacted(ProviderException.fromIoFailure(operation, e));
        }
    }

    /** A raw GET; empty when the provider answers 404. */
    public Optional<JsonNode> getOrAbsent(String operation, String path) {
        try {
            return Optional.of(send(operation, "GET", path, null));
        } catch (ProviderException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The SDK client, for callers that go through {@link #call}. */
    public DigitalOceanClient sdk() {
        return sdk;
    }

    private String url(String path) {
        // The https scheme is what the SDK uses too; for cloud-sim the connection registry serves it in plain HTTP.
        return "https://" + endpoint.apiHost() + path;
    }

    private ProviderException redacted(ProviderException e) {
        String message = redact(e.getMessage());
        if (message.equals(e.getMessage())) {
            return e;
        }
        return ProviderException.of(e.errorCode(), message, e.isRetryable());
    }

    /** Provider and I/O messages are echoed into events: make sure the token can never travel with them. */
    private String redact(String text) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token, "[redacted]");
    }

    private JsonNode readQuietly(String text) {
        try {
            JsonNode node = json.readTree(text == null || text.isBlank() ? "{}" : text);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String firstHeader(Header header) {
        return header == null ? null : header.getValue();
    }
}
