package dev.provisioning.cloudsim.digitalocean;

import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.ProviderApi;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.DropletStore;
import dev.provisioning.cloudsim.state.SimState;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** DigitalOcean API v2 under {@code /v2/}: bearer-token authentication, rate-limit headers and JSON errors. */
public final class DigitalOceanApi implements ProviderApi {

    static final String PROVIDER = "digitalocean";

    private final DropletsHandler dropletsHandler;
    private final CatalogHandler catalogHandler;
    private final AccountHandler accountHandler = new AccountHandler();
    private final ActionsHandler actionsHandler;
    private final VpcsHandler vpcsHandler;
    private final LoadBalancersHandler loadBalancersHandler;
    private final CertificatesHandler certificatesHandler;
    private final DatabasesHandler databasesHandler;
    private final RateLimitWindow rateLimit = new RateLimitWindow();

    public DigitalOceanApi(SimState state, DigitalOceanCatalog catalog) {
        DropletStore store = state.dropletStore();
        VpcDirectory vpcs = new VpcDirectory(state.digitalOceanVpcStore(), catalog);
        DigitalOceanJson json = new DigitalOceanJson(catalog, vpcs);
        this.dropletsHandler = new DropletsHandler(store, catalog, json, vpcs);
        this.catalogHandler = new CatalogHandler(catalog, json);
        this.actionsHandler = new ActionsHandler(store, json);
        this.vpcsHandler = new VpcsHandler(state.digitalOceanVpcStore(), vpcs, store,
                state.digitalOceanLoadBalancerStore(), state.digitalOceanDatabaseStore(), catalog, json);
        this.loadBalancersHandler = new LoadBalancersHandler(state.digitalOceanLoadBalancerStore(), store,
                state.digitalOceanCertificateStore(), vpcs, catalog, json);
        this.certificatesHandler = new CertificatesHandler(state.digitalOceanCertificateStore());
        this.databasesHandler = new DatabasesHandler(state.digitalOceanDatabaseStore(), vpcs, catalog);
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
            requireToken(request);
            response = dispatch(request);
        } catch (RejectedDigitalOceanRequest rejected) {
            response = error(rejected.status(), rejected.errorId(), rejected.getMessage());
        }
        RateLimitWindow.Budget budget = rateLimit.consume(Instant.now());
        return withCommonHeaders(response, budget.remaining(), budget.resetEpochSecond());
    }

    @Override
    public SimResponse injectedFailure(Fault fault, SimRequest request) {
        int status = fault.status();
        String id = fault.code() != null ? fault.code()
                : status == 429 ? "too_many_requests" : status >= 500 ? "server_error" : "error";
        String message = fault.message() != null ? fault.message()
                : status == 429 ? "API Rate limit exceeded." : status >= 500 ? "Server was unable to give you a response."
                : "Request failed.";
        SimResponse response = error(status, id, message);
        long retryAfter = fault.retryAfterSeconds() == null ? 60 : fault.retryAfterSeconds();
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        if (status == 429) {
            return withCommonHeaders(response, 0, Instant.now().getEpochSecond() + retryAfter);
        }
        RateLimitWindow.Budget budget = rateLimit.consume(Instant.now());
        return withCommonHeaders(response, budget.remaining(), budget.resetEpochSecond());
    }

    /** Restores the full hourly request budget. */
    public void resetRateLimit() {
        rateLimit.reset();
    }

    static RejectedDigitalOceanRequest methodNotAllowed() {
        return new RejectedDigitalOceanRequest(405, "method_not_allowed", "Method Not Allowed");
    }

    private SimResponse dispatch(SimRequest request) {
        List<String> segments = request.pathSegments();
        if (segments.size() < 2) {
            throw RejectedDigitalOceanRequest.notFound();
        }
        List<String> rest = segments.subList(2, segments.size());
        return switch (segments.get(1)) {
            case "droplets" -> dropletsHandler.handle(request, rest);
            case "sizes" -> catalogHandler.sizes(request, rest);
            case "regions" -> catalogHandler.regions(request, rest);
            case "images" -> catalogHandler.images(request, rest);
            case "account" -> accountHandler.handle(request, rest);
            case "actions" -> actionsHandler.handle(request, rest);
            case "vpcs" -> vpcsHandler.handle(request, rest);
            case "load_balancers" -> loadBalancersHandler.handle(request, rest);
            case "certificates" -> certificatesHandler.handle(request, rest);
            case "databases" -> databasesHandler.handle(request, rest);
            default -> throw RejectedDigitalOceanRequest.notFound();
        };
    }

    private static void requireToken(SimRequest request) {
        String authorization = request.header("Authorization").orElse("");
        boolean bearer = authorization.length() > 7
                && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")
                && !authorization.substring(7).isBlank();
        if (!bearer) {
            throw new RejectedDigitalOceanRequest(401, "unauthorized", "Unable to authenticate you.");
        }
    }

    private static SimResponse error(int status, String id, String message) {
        return SimResponse.json(status, SimJson.object().put("id", id).put("message", message));
    }

    private static SimResponse withCommonHeaders(SimResponse response, int remaining, long resetEpochSecond) {
        return response
                .header("ratelimit-limit", String.valueOf(RateLimitWindow.LIMIT))
                .header("ratelimit-remaining", String.valueOf(remaining))
                .header("ratelimit-reset", String.valueOf(resetEpochSecond))
                .header("x-request-id", UUID.randomUUID().toString());
    }
}
