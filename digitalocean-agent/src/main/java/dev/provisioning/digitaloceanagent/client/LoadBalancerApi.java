package dev.provisioning.digitaloceanagent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.agent.retry.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The load balancer calls of the DigitalOcean API. Reads, create and {@code PUT} are raw JSON, because the SDK's
 * {@code LoadBalancer} model and serializer know neither {@code size_unit} nor {@code vpc_uuid}; adding and removing
 * droplets and deleting go through the SDK.
 */
@ApplicationScoped
public class LoadBalancerApi {

    private static final int PAGE_SIZE = 200;

    private final DigitalOceanConnection connection;

    public LoadBalancerApi(DigitalOceanConnection connection) {
        this.connection = connection;
    }

    /** Every load balancer with this name, following the pages of {@code GET /v2/load_balancers}. */
    public List<LoadBalancerView> findByName(String name) {
        List<LoadBalancerView> matching = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = connection.send("list load balancers", "GET",
                    "/v2/load_balancers?page=" + page + "&per_page=" + PAGE_SIZE, null);
            for (JsonNode lb : answer.path("load_balancers")) {
                if (name.equals(lb.path("name").asText())) {
                    matching.add(LoadBalancerView.of(lb));
                }
            }
            if (answer.path("links").path("pages").path("next").isMissingNode()
                    || answer.path("load_balancers").isEmpty()) {
                return matching;
            }
        }
    }

    /** {@code POST /v2/load_balancers} with the full representation. */
    public LoadBalancerView create(ObjectNode request) {
        return read(connection.send("create load balancer " + request.path("name").asText(), "POST",
                "/v2/load_balancers", request));
    }

    /** {@code PUT /v2/load_balancers/{id}}: replaces rules, health check, size and targets in place. */
    public LoadBalancerView update(String id, ObjectNode request) {
        return read(connection.send("update load balancer " + id, "PUT", "/v2/load_balancers/" + id, request));
    }

    /** {@code POST /v2/load_balancers/{id}/droplets} through the SDK. */
    public void addDroplets(String id, List<Integer> dropletIds) {
        connection.call("add droplets to load balancer " + id,
                () -> connection.sdk().addDropletsToLoadBalancer(id, dropletIds));
    }

    /** {@code DELETE /v2/load_balancers/{id}/droplets} through the SDK. */
    public void removeDroplets(String id, List<Integer> dropletIds) {
        connection.call("remove droplets from load balancer " + id,
                () -> connection.sdk().removeDropletsFromLoadBalancer(id, dropletIds));
    }

    /** {@code DELETE /v2/load_balancers/{id}} through the SDK; one that is already gone is not an error. */
    public void delete(String id) {
        connection.callOrAbsent("delete load balancer " + id, () -> connection.sdk().deleteLoadBalancer(id));
    }

    private static LoadBalancerView read(JsonNode answer) {
        JsonNode lb = answer.path("load_balancer");
        if (!lb.hasNonNull("id")) {
            throw ProviderException.of("unexpected_response", "the answer carried no load balancer", true);
        }
        return LoadBalancerView.of(lb);
    }
}
