package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import java.util.Optional;

/** Reading DigitalOcean request bodies the lenient way the API does: blank strings count as absent. */
final class RequestBodies {

    private RequestBodies() {
    }

    static JsonNode object(SimRequest request) {
        return SimJson.read(request.body()).filter(JsonNode::isObject)
                .orElseThrow(() -> RejectedDigitalOceanRequest.badRequest("The request body must be a JSON object."));
    }

    static Optional<String> text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String value = node.asText();
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** An integer field; numbers sent as strings are accepted, as some SDKs send them. */
    static Optional<Integer> integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.asInt());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Integer.parseInt(node.asText().trim()));
            } catch (NumberFormatException e) {
                throw RejectedDigitalOceanRequest.unprocessable(field + " must be an integer.");
            }
        }
        throw RejectedDigitalOceanRequest.unprocessable(field + " must be an integer.");
    }
}
