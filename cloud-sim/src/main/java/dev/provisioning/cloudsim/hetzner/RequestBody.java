package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Typed reads of a Hetzner request's JSON body, refusing bad input with {@code invalid_input} as Hetzner does. */
final class RequestBody {

    private static final Pattern LABEL_VALUE = Pattern.compile("([a-zA-Z0-9]([a-zA-Z0-9._-]{0,61}[a-zA-Z0-9])?)?");
    private static final Pattern LABEL_KEY =
            Pattern.compile("([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?/)?[a-zA-Z0-9]([a-zA-Z0-9._-]{0,61}[a-zA-Z0-9])?");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9._-]{0,61}[a-zA-Z0-9])?");

    private final JsonNode json;

    private RequestBody(JsonNode json) {
        this.json = json;
    }

    static RequestBody of(SimRequest request) {
        JsonNode json = SimJson.read(request.body()).orElse(null);
        if (json == null || !json.isObject()) {
            throw new RejectedHetznerRequest(400, "json_error", "request body must be a JSON object", null);
        }
        return new RequestBody(json);
    }

    JsonNode json() {
        return json;
    }

    Optional<String> text(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw RejectedHetznerRequest.invalidInput(field, "must be a string");
        }
        return Optional.of(value.asText());
    }

    String requiredText(String field) {
        return text(field).filter(t -> !t.isBlank())
                .orElseThrow(() -> RejectedHetznerRequest.invalidInput(field, "Missing data for required field."));
    }

    /** A resource name: letters, digits, '.', '-' and '_', at most 63 characters. */
    String name() {
        String name = requiredText("name");
        if (!NAME.matcher(name).matches()) {
            throw RejectedHetznerRequest.invalidInput("name", "invalid name '" + name + "'");
        }
        return name;
    }

    /** A resource name as {@link #name()} checks it, empty when the body has none (updates). */
    Optional<String> optionalName() {
        return json.hasNonNull("name") ? Optional.of(name()) : Optional.empty();
    }

    Optional<Long> id(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToLong()) {
            throw RejectedHetznerRequest.invalidInput(field, "must be an integer");
        }
        return Optional.of(value.asLong());
    }

    List<Long> ids(String field) {
        List<Long> ids = new ArrayList<>();
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return ids;
        }
        if (!value.isArray()) {
            throw RejectedHetznerRequest.invalidInput(field, "must be a list of ids");
        }
        for (JsonNode id : value) {
            if (!id.canConvertToLong()) {
                throw RejectedHetznerRequest.invalidInput(field, "must be a list of ids");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    Map<String, String> labels() {
        return labels(json.get("labels"));
    }

    /** Labels validated by Hetzner's rules: keys up to 63 characters with an optional DNS prefix, values up to 63. */
    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return labels;
        }
        if (!node.isObject()) {
            throw RejectedHetznerRequest.invalidInput("labels", "must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            String value = label.getValue().asText();
            if (!LABEL_KEY.matcher(label.getKey()).matches()) {
                throw RejectedHetznerRequest.invalidInput("labels", "label key '" + label.getKey() + "' is invalid");
            }
            if (!label.getValue().isTextual() || !LABEL_VALUE.matcher(value).matches()) {
                throw RejectedHetznerRequest.invalidInput("labels", "label value '" + value + "' of key '"
                        + label.getKey() + "' is invalid");
            }
            labels.put(label.getKey(), value);
        }
        return labels;
    }
}
