package dev.provisioning.hetzneragent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.hetzneragent.config.HetznerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import me.tomsdevsn.hetznercloud.HetznerCloudAPI;
import me.tomsdevsn.hetznercloud.exception.APIRequestException;
import me.tomsdevsn.hetznercloud.objects.general.Action;
import me.tomsdevsn.hetznercloud.objects.general.LoadBalancer;
import me.tomsdevsn.hetznercloud.objects.general.Location;
import me.tomsdevsn.hetznercloud.objects.general.Network;
import me.tomsdevsn.hetznercloud.objects.general.Server;
import me.tomsdevsn.hetznercloud.objects.general.Volume;
import me.tomsdevsn.hetznercloud.objects.request.AttachVolumeRequest;
import me.tomsdevsn.hetznercloud.objects.request.CreateLoadBalancerRequest;
import me.tomsdevsn.hetznercloud.objects.request.CreateNetworkRequest;
import me.tomsdevsn.hetznercloud.objects.request.CreateServerRequest;
import me.tomsdevsn.hetznercloud.objects.request.CreateVolumeRequest;
import me.tomsdevsn.hetznercloud.objects.request.UpdateServerRequest;

/**
 * The Hetzner Cloud calls the agent makes, all through the hetznercloud-api SDK, with every failure turned into a
 * classified {@link ProviderException} carrying Hetzner's error code and message (never the token).
 */
@ApplicationScoped
public class HetznerCloud {

    private final HetznerCloudAPI sdk;
    private final ErrorResponses errors;
    private final ObjectMapper json;
    private final String token;
    private final Clock clock = Clock.systemUTC();

    public HetznerCloud(HetznerCloudAPI sdk, ErrorResponses errors, ObjectMapper json, HetznerConfig config) {
        this.sdk = sdk;
        this.errors = errors;
        this.json = json;
        this.token = config.token();
    }

    /** {@code GET /locations}: a handful of entries, a cheap read (the start-up warm-up's). */
    public List<Location> locations() {
        return orEmpty(call("list locations", () -> sdk.getLocations().getLocations()));
    }

    /** {@code GET /servers?label_selector=}. */
    public List<Server> serversLabelled(String selector) {
        return orEmpty(call("list servers " + selector, () -> sdk.getServers(selector).getServers()));
    }

    /** {@code POST /servers}; the answer's server is still {@code initializing}. */
    public Server createServer(CreateServerRequest request) {
        return call("create server " + request.getName(), () -> sdk.createServer(request).getServer());
    }

    /** {@code DELETE /servers/{id}}; a server already gone is not an error. */
    public void deleteServer(long id) {
        ignoringNotFound("delete server " + id, () -> sdk.deleteServer(id));
    }

    /**
     * {@code PUT /servers/{id}} with the server's name and every label it is to have: Hetzner replaces the labels as
     * a whole, so callers merge into the labels they read.
     */
    public Server updateServer(long id, String name, Map<String, String> labels) {
        return call("update server " + id, () -> sdk.updateServer(id, UpdateServerRequest.builder()
                .name(name).labels(labels).build()).getServer());
    }

    /** {@code GET /networks?label_selector=}. */
    public List<Network> networksLabelled(String selector) {
        return orEmpty(call("list networks " + selector, () -> sdk.getNetworks(selector).getNetworks()));
    }

    /** {@code POST /networks}. */
    public Network createNetwork(CreateNetworkRequest request) {
        return call("create network " + request.getName(), () -> sdk.createNetwork(request).getNetwork());
    }

    /** {@code DELETE /networks/{id}}; a network already gone is not an error. */
    public void deleteNetwork(long id) {
        ignoringNotFound("delete network " + id, () -> sdk.deleteNetwork(id));
    }

    /** {@code GET /load_balancers?label_selector=}. */
    public List<LoadBalancer> loadBalancersLabelled(String selector) {
        return orEmpty(call("list load balancers " + selector,
                () -> sdk.getLoadBalancers(selector).getLoadBalancers()));
    }

    /** {@code POST /load_balancers} with its targets and services in one request. */
    public LoadBalancer createLoadBalancer(CreateLoadBalancerRequest request) {
        return call("create load balancer " + request.getName(),
                () -> sdk.createLoadBalancer(request).getLoadBalancer());
    }

    /** {@code DELETE /load_balancers/{id}}; a load balancer already gone is not an error. */
    public void deleteLoadBalancer(long id) {
        ignoringNotFound("delete load balancer " + id, () -> sdk.deleteLoadBalancer(id));
    }

    /** {@code GET /volumes?label_selector=}. */
    public List<Volume> volumesLabelled(String selector) {
        return orEmpty(call("list volumes " + selector, () -> sdk.getVolumes(selector).getVolumes()));
    }

    /** {@code POST /volumes}, attached to a server when the request names one. */
    public Volume createVolume(CreateVolumeRequest request) {
        return call("create volume " + request.getName(), () -> sdk.createVolume(request).getVolume());
    }

    /** {@code DELETE /volumes/{id}}; a volume already gone is not an error. */
    public void deleteVolume(long id) {
        ignoringNotFound("delete volume " + id, () -> sdk.deleteVolume(id));
    }

    /** {@code GET /volumes/{id}}; empty when there is no such volume. */
    public Optional<Volume> volume(long id) {
        try {
            return Optional.ofNullable(call("get volume " + id, () -> sdk.getVolume(id).getVolume()));
        } catch (ProviderException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code POST /volumes/{id}/actions/attach} (not mounted automatically); the answer's action may still run. */
    public Action attachVolume(long volumeId, long serverId) {
        return call("attach volume " + volumeId + " to server " + serverId, () -> sdk.attachVolumeToServer(volumeId,
                AttachVolumeRequest.builder().serverId(serverId).automount(false).build()).getAction());
    }

    /** {@code POST /volumes/{id}/actions/detach}; the answer's action may still run. */
    public Action detachVolume(long volumeId) {
        return call("detach volume " + volumeId, () -> sdk.detachVolume(volumeId).getAction());
    }

    /** {@code GET /actions/{id}}. */
    public Action action(long id) {
        return call("get action " + id, () -> sdk.getAction(id).getAction());
    }

    private void ignoringNotFound(String operation, Supplier<?> call) {
        try {
            call(operation, call);
        } catch (ProviderException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
    }

    private <T> T call(String operation, Supplier<T> call) {
        errors.clear();
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw classify(operation, e);
        } finally {
            errors.clear();
        }
    }

    /**
     * The failure in Hetzner's terms: from the kept error response when there is one (status, rate-limit headers,
     * {@code error.code}, {@code error.message} and the fields at fault), else as a failed connection.
     */
    private ProviderException classify(String operation, RuntimeException e) {
        ErrorResponses.ErrorResponse response = errors.last();
        if (response != null) {
            JsonNode error = readQuietly(response.body()).path("error");
            String code = error.path("code").asText(null);
            if (code == null && e instanceof APIRequestException api && api.getApiErrorResponse() != null
                    && api.getApiErrorResponse().getError() != null
                    && api.getApiErrorResponse().getError().getCode() != null) {
                code = api.getApiErrorResponse().getError().getCode().name();
            }
            return ProviderException.fromHttpStatus(response.status(), code, redact(message(error)),
                    name -> name.equalsIgnoreCase("Retry-After") ? response.retryAfter()
                            : name.equalsIgnoreCase("ratelimit-reset") ? response.rateLimitReset() : null,
                    clock);
        }
        Optional<IOException> io = ioCause(e);
        if (io.isPresent()) {
            ProviderException failure = ProviderException.fromIoFailure(operation, io.get());
            return ProviderException.of(failure.errorCode(), redact(failure.getMessage()), true);
        }
        return ProviderException.of("unexpected_response", operation + " failed: " + redact(String.valueOf(
                e.getMessage())), false);
    }

    /** Hetzner's message, with the fields at fault when it names them (its top-level text is often generic). */
    private static String message(JsonNode error) {
        String message = error.path("message").asText(null);
        List<String> problems = new ArrayList<>();
        for (JsonNode field : error.path("details").path("fields")) {
            List<String> texts = new ArrayList<>();
            field.path("messages").forEach(m -> texts.add(m.asText()));
            problems.add(field.path("name").asText() + ": " + String.join(", ", texts));
        }
        if (message == null || problems.isEmpty()) {
            return message;
        }
        return message + " (" + String.join("; ", problems) + ")";
    }

    private static Optional<IOException> ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof IOException) {
                return Optional.of((IOException) t);
            }
        }
        return Optional.empty();
    }

    private JsonNode readQuietly(String text) {
        try {
            return json.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** Provider and I/O messages travel into events: make sure the token never does. */
    private String redact(String text) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token, "[redacted]");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
