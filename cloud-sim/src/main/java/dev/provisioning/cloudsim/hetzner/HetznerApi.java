package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.ProviderApi;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.HetznerAction;
import dev.provisioning.cloudsim.state.HetznerStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Hetzner Cloud API v1 under {@code /v1/}: catalog (locations, datacenters, server types, images, load balancer
 * types, pricing), servers, networks, load balancers, volumes and actions, with Bearer authentication, Hetzner's
 * error format and page-based pagination.
 */
public final class HetznerApi implements ProviderApi {

    static final String PROVIDER = "hetzner";
    /** Requests per hour, as Hetzner grants a project. */
    static final int RATE_LIMIT = 3600;

    private final HetznerStore store;
    private final Clock clock;
    private final CatalogHandler catalog;
    private final ServersHandler servers;
    private final NetworksHandler networks;
    private final LoadBalancersHandler loadBalancers;
    private final VolumesHandler volumes;
    private final HetznerJson json;

    public HetznerApi(HetznerStore store) {
        this(store, Clock.systemUTC());
    }

    HetznerApi(HetznerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.json = new HetznerJson(store);
        this.catalog = new CatalogHandler();
        this.servers = new ServersHandler(store, json, clock);
        this.networks = new NetworksHandler(store, json, clock);
        this.loadBalancers = new LoadBalancersHandler(store, json, clock);
        this.volumes = new VolumesHandler(store, json, clock);
    }

    @Override
    public String provider(SimRequest request) {
        return PROVIDER;
    }

    @Override
    public String family() {
        return PROVIDER;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        SimResponse response;
        try {
            response = route(request);
        } catch (RejectedHetznerRequest rejected) {
            response = error(rejected.status(), rejected.code(), rejected.getMessage(), rejected.fields());
        } catch (HetznerStore.Rejected rejected) {
            response = storeError(rejected);
        }
        return withRateLimit(response, RATE_LIMIT - 1);
    }

    private SimResponse route(SimRequest request) {
        String authorization = request.header("Authorization").orElse("");
        if (!authorization.startsWith("Bearer ") || authorization.substring(7).isBlank()) {
            return error(401, "unauthorized", "unable to authenticate", null);
        }
        List<String> segments = request.pathSegments();
        if (segments.size() < 2) {
            throw RejectedHetznerRequest.notFound("resource");
        }
        String collection = segments.get(1);
        List<String> rest = segments.subList(2, segments.size());
        return switch (collection) {
            case "locations", "datacenters", "server_types", "images", "load_balancer_types", "pricing" ->
                    catalog.handle(request, collection, rest);
            case "servers" -> servers.handle(request, rest);
            case "networks" -> networks.handle(request, rest);
            case "load_balancers" -> loadBalancers.handle(request, rest);
            case "volumes" -> volumes.handle(request, rest);
            case "actions" -> actions(request, rest);
            default -> throw RejectedHetznerRequest.notFound("resource");
        };
    }

    /** {@code GET /v1/actions?id=…} (several ids allowed) and {@code GET /v1/actions/{id}}. */
    private SimResponse actions(SimRequest request, List<String> rest) {
        requireMethod(request, "GET");
        if (rest.size() == 1) {
            HetznerAction action = store.action(parseId(rest.get(0))).orElseThrow(
                    () -> RejectedHetznerRequest.notFound("action"));
            return SimResponse.json(200, SimJson.object().set("action", HetznerJson.action(action)));
        }
        if (!rest.isEmpty()) {
            throw RejectedHetznerRequest.notFound("resource");
        }
        Set<Long> ids = new HashSet<>();
        for (String id : request.queryParams().getOrDefault("id", List.of())) {
            ids.add(parseId(id));
        }
        Set<String> statuses = new HashSet<>(request.queryParams().getOrDefault("status", List.of()));
        List<ObjectNode> matching = store.actions().stream()
                .filter(a -> ids.isEmpty() || ids.contains(a.id()))
                .filter(a -> statuses.isEmpty() || statuses.contains(a.status()))
                .map(HetznerJson::action).toList();
        return listing(request, "actions", matching);
    }

    @Override
    public SimResponse injectedFailure(Fault fault, SimRequest request) {
        int status = fault.status();
        String code = fault.code() != null ? fault.code()
                : status == 429 ? "rate_limit_exceeded" : status == 503 ? "unavailable" : status >= 500 ? "server_error"
                : "invalid_input";
        String message = fault.message() != null ? fault.message()
                : status == 429 ? "limit of " + RATE_LIMIT + " requests per hour reached" : "injected failure";
        SimResponse response = error(status, code, message, null);
        if (status == 429) {
            long wait = fault.retryAfterSeconds() != null ? fault.retryAfterSeconds() : 1;
            response.header("RateLimit-Limit", String.valueOf(RATE_LIMIT)).header("RateLimit-Remaining", "0")
                    .header("RateLimit-Reset", String.valueOf(clock.instant().getEpochSecond() + wait));
        }
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return response;
    }

    // ---- shared by the handlers ----

    /** A paginated listing under {@code key}, with {@code meta.pagination}. */
    static SimResponse listing(SimRequest request, String key, List<ObjectNode> all) {
        HetznerPages pages = HetznerPages.of(request);
        ObjectNode body = SimJson.object();
        ArrayNode items = body.putArray(key);
        pages.slice(all).forEach(items::add);
        return SimResponse.json(200, pages.decorate(body, all.size()));
    }

    /** Filters by the {@code name} and {@code label_selector} query parameters every collection supports. */
    static <T> Predicate<T> nameAndLabels(SimRequest request, java.util.function.Function<T, String> name,
                                          java.util.function.Function<T, Map<String, String>> labels) {
        String wantedName = request.queryParam("name").orElse(null);
        LabelSelector selector = request.queryParam("label_selector").map(LabelSelector::parse).orElse(null);
        return item -> (wantedName == null || wantedName.equals(name.apply(item)))
                && (selector == null || selector.test(labels.apply(item)));
    }

    static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw RejectedHetznerRequest.invalidInput("id", "'" + text + "' is not a valid id");
        }
    }

    static void requireMethod(SimRequest request, String method) {
        if (!request.method().equals(method)) {
            throw methodNotAllowed();
        }
    }

    static RejectedHetznerRequest methodNotAllowed() {
        return new RejectedHetznerRequest(405, "method_not_allowed", "method not allowed", null);
    }

    static SimResponse storeError(HetznerStore.Rejected rejected) {
        int status = switch (rejected.code()) {
            case "not_found" -> 404;
            case "uniqueness_error", "conflict" -> 409;
            case "locked" -> 423;
            default -> rejected.code().equals("invalid_input") ? 400 : 422;
        };
        Map<String, List<String>> fields = rejected.field() == null ? null
                : Map.of(rejected.field(), List.of(rejected.getMessage()));
        return error(status, rejected.code(), rejected.getMessage(), fields);
    }

    static SimResponse error(int status, String code, String message, Map<String, List<String>> fields) {
        ObjectNode body = SimJson.object();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        if (fields == null) {
            error.putNull("details");
        } else {
            ArrayNode list = error.putObject("details").putArray("fields");
            fields.forEach((name, messages) -> {
                ArrayNode texts = list.addObject().put("name", name).putArray("messages");
                messages.forEach(texts::add);
            });
        }
        return SimResponse.json(status, body);
    }

    private SimResponse withRateLimit(SimResponse response, int remaining) {
        return response.header("RateLimit-Limit", String.valueOf(RATE_LIMIT))
                .header("RateLimit-Remaining", String.valueOf(remaining))
                .header("RateLimit-Reset", String.valueOf(clock.instant().getEpochSecond() + 1));
    }
}
