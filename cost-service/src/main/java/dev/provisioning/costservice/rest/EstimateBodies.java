package dev.provisioning.costservice.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.provisioning.costservice.service.EstimateRequest;
import dev.provisioning.costservice.service.InvalidFieldException;

/**
 * Reads an estimate request body, turning JSON errors into field-level 400s (the framework's own reader answers a
 * malformed body with an empty 400).
 */
final class EstimateBodies {

    private static final String SHAPE = "{\"resources\":[{\"provider\":\"digitalocean\","
            + "\"priceKey\":\"digitalocean:size:s-2vcpu-4gb\",\"count\":2}]}"
            + " (optional: \"workspace\", \"budgetMonthlyUsd\", \"removedAddresses\")";

    private EstimateBodies() {
    }

    static EstimateRequest read(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidFieldException("body", null, "is empty", SHAPE);
        }
        try {
            return json.readValue(body, EstimateRequest.class);
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            String expected = e.getTargetType() == null ? "the documented type"
                    : "a " + e.getTargetType().getSimpleName();
            throw new InvalidFieldException(field == null ? "body" : field, null, "cannot be read as " + expected,
                    field == null ? SHAPE : expected);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("body", null, "is not valid JSON: " + e.getOriginalMessage(), SHAPE);
        }
    }

    /** The JSON path of the failing field, e.g. {@code resources[0].count}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
