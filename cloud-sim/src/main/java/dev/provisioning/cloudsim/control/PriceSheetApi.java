package dev.provisioning.cloudsim.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.ProviderApi;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import java.util.List;
import java.util.Map;

/**
 * Simulator-only price sheets under {@code /_sim/prices/}: {@code GET /_sim/prices/digitalocean} answers the prices
 * DigitalOcean publishes but its API does not serve (load balancers per size unit, managed database nodes per size),
 * standing in for the price sheet an operator would host for cost-service. No provider has such an endpoint.
 *
 * <p>The figures are the simulated world's, chosen to reproduce the seed workspace's cost table, not DigitalOcean's
 * list prices ($12 per load balancer size unit; $15, $30, $60 and $120 per database node): the seed calls the load
 * balancer "Free" and its 3-node {@code db-s-2vcpu-4gb} PostgreSQL cluster $30 a month, so a size unit is $0 and a
 * {@code db-s-2vcpu-4gb} node $10; the other database sizes keep DigitalOcean's proportions (each size twice the one
 * below). A standby node costs the same as the primary node.
 */
public final class PriceSheetApi implements ProviderApi {

    static final String DIGITALOCEAN_PATH = "/_sim/prices/digitalocean";

    private static final String LOAD_BALANCER_SIZE_UNIT_MONTHLY = "0.00";
    private static final List<Map.Entry<String, String>> DATABASE_NODE_MONTHLY = List.of(
            Map.entry("db-s-1vcpu-1gb", "2.50"),
            Map.entry("db-s-1vcpu-2gb", "5.00"),
            Map.entry("db-s-2vcpu-4gb", "10.00"),
            Map.entry("db-s-4vcpu-8gb", "20.00"));

    /** Faults name this API {@code price-sheet}, so that an outage of the sheet can be simulated on its own. */
    @Override
    public String provider(SimRequest request) {
        return "price-sheet";
    }

    @Override
    public String family() {
        return "sim";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        if (!request.path().equals(DIGITALOCEAN_PATH)) {
            return error(404, "not_found", "cloud-sim has a price sheet only at GET " + DIGITALOCEAN_PATH);
        }
        if (!request.method().equals("GET")) {
            return error(405, "method_not_allowed", "the price sheet is read with GET");
        }
        return SimResponse.json(200, digitalOceanSheet());
    }

    @Override
    public SimResponse injectedFailure(Fault fault, SimRequest request) {
        SimResponse response = error(fault.status(), fault.code() != null ? fault.code() : "price_sheet_unavailable",
                fault.message() != null ? fault.message() : "the price sheet is unavailable");
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return response;
    }

    private static ObjectNode digitalOceanSheet() {
        ObjectNode sheet = SimJson.object()
                .put("provider", "digitalocean")
                .put("currency", "USD")
                .put("description", "cloud-sim's simulated DigitalOcean prices that the API does not serve;"
                        + " chosen to reproduce the seed workspace's cost table, not DigitalOcean's list prices");
        sheet.putObject("load_balancer").put("size_unit_monthly", LOAD_BALANCER_SIZE_UNIT_MONTHLY);
        ObjectNode nodes = sheet.putObject("database").putObject("node_monthly");
        DATABASE_NODE_MONTHLY.forEach(e -> nodes.put(e.getKey(), e.getValue()));
        return sheet;
    }

    private static SimResponse error(int status, String id, String message) {
        return SimResponse.json(status, SimJson.object().put("id", id).put("message", message));
    }
}
