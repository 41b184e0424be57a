package dev.provisioning.digitaloceanagent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.agent.retry.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The VPC calls of the DigitalOcean API, all raw JSON because the SDK has no VPC endpoints. */
@ApplicationScoped
public class VpcApi {

    private static final int PAGE_SIZE = 200;

    /** A VPC as the API reports it. */
    public record Vpc(String id, String name, String region, String ipRange) {

        static Vpc of(JsonNode vpc) {
            return new Vpc(vpc.path("id").asText(), vpc.path("name").asText(), vpc.path("region").asText(),
                    vpc.path("ip_range").asText());
        }
    }

    private final DigitalOceanConnection connection;

    public VpcApi(DigitalOceanConnection connection) {
        this.connection = connection;
    }

    /** The VPC with this name (names are unique per account), following the pages of {@code GET /v2/vpcs}. */
    public Optional<Vpc> findByName(String name) {
        for (int page = 1; ; page++) {
            JsonNode answer = connection.send("list vpcs", "GET", "/v2/vpcs?page=" + page + "&per_page=" + PAGE_SIZE,
                    null);
            for (JsonNode vpc : answer.path("vpcs")) {
                if (name.equals(vpc.path("name").asText())) {
                    return Optional.of(Vpc.of(vpc));
                }
            }
            if (answer.path("links").path("pages").path("next").isMissingNode() || answer.path("vpcs").isEmpty()) {
                return Optional.empty();
            }
        }
    }

    /**
     * {@code POST /v2/vpcs}.
     *
     * @param ipRange CIDR block, or null to let DigitalOcean pick a free /20
     */
    public Vpc create(String name, String region, String ipRange, String description) {
        ObjectNode body = connection.json().createObjectNode();
        body.put("name", name);
        body.put("region", region);
        if (ipRange != null) {
            body.put("ip_range", ipRange);
        }
        body.put("description", description);
        JsonNode vpc = connection.send("create vpc " + name, "POST", "/v2/vpcs", body).path("vpc");
        if (!vpc.hasNonNull("id")) {
            throw ProviderException.of("unexpected_response", "create vpc " + name + ": the answer carried no VPC", true);
        }
        return Vpc.of(vpc);
    }

    /**
     * {@code DELETE /v2/vpcs/{id}}; a VPC that is already gone is not an error. DigitalOcean refuses with 403 while
     * members remain; that is reported as retryable, since members being deleted may take a moment to leave.
     */
    public void delete(String id) {
        try {
            connection.send("delete vpc " + id, "DELETE", "/v2/vpcs/" + id, null);
        } catch (ProviderException e) {
            if (e.httpStatus() == 404) {
                return;
            }
            if (e.httpStatus() == 403) {
                throw ProviderException.of("vpc_not_empty", "vpc " + id + ": " + e.getMessage(), true);
            }
            throw e;
        }
    }
}
