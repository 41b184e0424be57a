package dev.provisioning.digitaloceanagent.client;

import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import dev.provisioning.providerclients.DigitalOceanEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.exception.RequestUnsuccessfulException;
import com.myjeeva.digitalocean.pojo.Droplet;
import com.myjeeva.digitalocean.pojo.Droplets;
import com.myjeeva.digitalocean.pojo.Key;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.digitaloceanagent.config.DigitalOceanConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;

/**
 * The droplet calls of the DigitalOcean API, through the {@code digitalocean-api-client} SDK, with every failure
 * turned into a classified {@link ProviderException} whose text never contains the token.
 */
@ApplicationScoped
public class DropletApi {

    private static final Logger LOG = Logger.getLogger(DropletApi.class);
    private static final int PAGE_SIZE = 200;

    private final CloseableHttpClient http;
    private final DigitalOceanClient sdk;
    private final DigitalOceanEndpoint endpoint;
    private final LastResponseHeaders headers = new LastResponseHeaders();
    private final ObjectMapper json;
    private final String token;
    private final Clock clock = Clock.systemUTC();

    public DropletApi(DigitalOceanConfig config, ObjectMapper json) {
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

    /** Droplets carrying a tag: {@code GET /v2/droplets?tag_name=}. */
    public List<Droplet> listByTag(String tag) {
        Droplets page = call("list droplets tagged " + tag, () -> sdk.getAvailableDropletsByTagName(tag, 1, PAGE_SIZE));
        return page == null || page.getDroplets() == null ? List.of() : page.getDroplets();
    }

    /** One droplet: {@code GET /v2/droplets/{id}}; empty when it does not exist. */
    public Optional<Droplet> find(int id) {
        try {
            return Optional.of(call("get droplet " + id, () -> sdk.getDropletInfo(id)));
        } catch (ProviderException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code POST /v2/droplets} through the SDK. */
    public Droplet create(Droplet draft) {
        return call("create droplet " + draft.getName(), () -> sdk.createDroplet(draft));
    }

    /**
     * {@code POST /v2/droplets} with a {@code vpc_uuid}, which the SDK's request serializer leaves out: sent as raw
     * JSON over the same HTTP client, then read back through the SDK.
     */
    public Droplet createInVpc(Droplet draft, String vpcUuid) {
        String operation = "create droplet " + draft.getName();
        ObjectNode body = json.createObjectNode();
        body.put("name", draft.getName());
        body.put("region", draft.getRegion().getSlug());
        body.put("size", draft.getSize());
        body.put("image", draft.getImage().getSlug());
        body.put("vpc_uuid", vpcUuid);
        ArrayNode tags = body.putArray("tags");
        draft.getTags().forEach(tags::add);
        ArrayNode keys = body.putArray("ssh_keys");
        for (Key key : draft.getKeys() == null ? List.<Key>of() : draft.getKeys()) {
            if (key.getId() != null) {
                keys.add(key.getId());
            } else {
                keys.add(key.getFingerprint());
            }
        }
        HttpPost post = new HttpPost("https://" + endpoint.apiHost() + "/v2/droplets");
        post.setHeader("Authorization", "Bearer " + token);
        post.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
        headers.clear();
        int id;
        try (CloseableHttpResponse response = http.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            String text = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (status >= 400) {
                JsonNode error = readQuietly(text);
                throw ProviderException.fromHttpStatus(status, error.path("id").asText(null),
                        redact(error.path("message").asText(null)), name -> firstHeader(response.getFirstHeader(name)),
                        clock);
            }
            id = readQuietly(text).path("droplet").path("id").asInt(0);
        } catch (IOException e) {
            throw redacted(ProviderException.fromIoFailure(operation, e));
        }
        if (id == 0) {
            throw ProviderException.of("unexpected_response", operation + ": the answer carried no droplet id", true);
        }
        return find(id).orElseThrow(() -> ProviderException.of("vanished",
                "droplet " + id + " was created but could not be read back", true));
    }

    /** {@code DELETE /v2/droplets/{id}}; a droplet that is already gone is not an error. */
    public void delete(int id) {
        try {
            call("delete droplet " + id, () -> sdk.deleteDroplet(id));
        } catch (ProviderException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run() throws DigitalOceanException, RequestUnsuccessfulException;
    }

    private <T> T call(String operation, SdkCall<T> call) {
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
            return json.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String firstHeader(Header header) {
        return header == null ? null : header.getValue();
    }
}
