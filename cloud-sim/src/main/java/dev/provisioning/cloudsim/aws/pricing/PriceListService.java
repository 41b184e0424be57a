package dev.provisioning.cloudsim.aws.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.aws.AwsJsonService;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.aws.SigV4Authorization;
import dev.provisioning.cloudsim.aws.pricing.PriceListProducts.Product;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The AWS Price List Query API ({@code pricing}, JSON 1.1): {@code GetProducts} for {@code AmazonEC2},
 * {@code AWSELB} and {@code AmazonRDS} with {@code TERM_MATCH} filters and paging, and {@code DescribeServices}.
 */
public final class PriceListService implements AwsJsonService {

    static final String TARGET_PREFIX = "AWSPriceListService.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final int MAX_RESULTS = 100;
    private static final Set<String> FILTER_TYPES = Set.of("TERM_MATCH", "EQUALS");

    @Override
    public String signingName() {
        return "pricing";
    }

    @Override
    public String namespace() {
        return "https://pricing.us-east-1.amazonaws.com/";
    }

    @Override
    public SimResponse handleJson(SimRequest request, SigV4Authorization caller, String requestId) {
        if (!request.method().equals("POST")) {
            throw new RejectedAwsRequest(400, "UnknownOperationException", "JSON requests must be POSTed.");
        }
        String target = request.header("X-Amz-Target").orElse("");
        if (!target.startsWith(TARGET_PREFIX)) {
            throw new RejectedAwsRequest(400, "UnknownOperationException",
                    "X-Amz-Target must name an AWSPriceListService operation, got '" + target + "'.");
        }
        JsonNode body = SimJson.read(request.body()).filter(JsonNode::isObject)
                .orElseThrow(() -> invalid("The request body is not a JSON object."));
        return switch (target.substring(TARGET_PREFIX.length())) {
            case "GetProducts" -> ok(getProducts(body));
            case "DescribeServices" -> ok(describeServices(body));
            default -> throw new RejectedAwsRequest(400, "UnknownOperationException",
                    "Operation " + target + " is not emulated by cloud-sim.");
        };
    }

    @Override
    public SimResponse errorResponse(RejectedAwsRequest rejected, String requestId) {
        ObjectNode error = SimJson.object().put("__type", rejected.code()).put("Message", rejected.getMessage());
        return SimResponse.text(rejected.status(), CONTENT_TYPE, error.toString())
                .header("x-amzn-ErrorType", rejected.code());
    }

    @Override
    public SimResponse injectedFailure(Fault fault, String requestId) {
        int status = fault.status();
        String code = fault.code() != null ? fault.code()
                : status == 429 || status == 400 ? "ThrottlingException" : "InternalErrorException";
        String message = fault.message() != null ? fault.message()
                : code.equals("ThrottlingException") ? "Rate exceeded" : "Internal service error";
        SimResponse response = errorResponse(new RejectedAwsRequest(status, code, message), requestId)
                .header("x-amzn-RequestId", requestId);
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return response;
    }

    private ObjectNode getProducts(JsonNode body) {
        String serviceCode = text(body, "ServiceCode");
        if (serviceCode == null || serviceCode.isBlank()) {
            throw invalid("ServiceCode is required.");
        }
        if (!AwsListPrices.SERVICE_NAMES.containsKey(serviceCode)) {
            throw invalid("Input parameters are invalid. Invalid ServiceCode: " + serviceCode);
        }
        String format = text(body, "FormatVersion");
        if (format != null && !format.equals("aws_v1")) {
            throw invalid("FormatVersion " + format + " is not supported; use aws_v1.");
        }
        int maxResults = body.hasNonNull("MaxResults") ? body.get("MaxResults").asInt(-1) : MAX_RESULTS;
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw invalid("MaxResults must be between 1 and " + MAX_RESULTS + ".");
        }
        Predicate<Product> matches = product -> product.serviceCode().equals(serviceCode);
        StringBuilder query = new StringBuilder(serviceCode);
        JsonNode filters = body.path("Filters");
        if (!filters.isMissingNode() && !filters.isNull() && !filters.isArray()) {
            throw invalid("Filters must be a list.");
        }
        for (JsonNode filter : filters) {
            String type = text(filter, "Type");
            String field = text(filter, "Field");
            String value = text(filter, "Value");
            if (type == null || !FILTER_TYPES.contains(type.toUpperCase(Locale.ROOT))) {
                throw invalid("Filter Type must be TERM_MATCH, got " + type + ".");
            }
            if (field == null || field.isBlank() || value == null) {
                throw invalid("Every filter needs a Field and a Value.");
            }
            matches = matches.and(product -> value.equals(product.attribute(field)));
            query.append('|').append(field.toLowerCase(Locale.ROOT)).append('=').append(value);
        }
        List<Product> found = PriceListProducts.all().stream().filter(matches).toList();
        int offset = offset(text(body, "NextToken"), query.toString(), found.size());
        int end = Math.min(found.size(), offset + maxResults);
        ObjectNode response = SimJson.object().put("FormatVersion", "aws_v1");
        ArrayNode priceList = response.putArray("PriceList");
        // PriceList entries are JSON documents serialised into strings, exactly as AWS sends them.
        found.subList(offset, end).forEach(product -> priceList.add(product.document().toString()));
        if (end < found.size()) {
            response.put("NextToken", token(end, query.toString()));
        }
        return response;
    }

    private ObjectNode describeServices(JsonNode body) {
        String serviceCode = text(body, "ServiceCode");
        ObjectNode response = SimJson.object().put("FormatVersion", "aws_v1");
        ArrayNode services = response.putArray("Services");
        AwsListPrices.SERVICE_NAMES.keySet().stream().sorted()
                .filter(code -> serviceCode == null || code.equals(serviceCode))
                .forEach(code -> {
                    ArrayNode names = services.addObject().put("ServiceCode", code).putArray("AttributeNames");
                    PriceListProducts.all().stream().filter(p -> p.serviceCode().equals(code)).findFirst()
                            .ifPresent(p -> p.attributes().keySet().stream().sorted().forEach(names::add));
                });
        return response;
    }

    /** Tokens carry the position and the query they belong to, so one cannot be replayed against another query. */
    private static String token(int offset, String query) {
        String raw = offset + ":" + Integer.toHexString(query.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String query, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            int offset = Integer.parseInt(parts[0]);
            if (parts.length == 2 && parts[1].equals(Integer.toHexString(query.hashCode())) && offset >= 0
                    && offset <= size) {
                return offset;
            }
        } catch (IllegalArgumentException malformed) {
            // Reported below like any other foreign token.
        }
        throw new RejectedAwsRequest(400, "InvalidNextTokenException", "The NextToken is invalid for this request.");
    }

    private static SimResponse ok(ObjectNode body) {
        return SimResponse.text(200, CONTENT_TYPE, body.toString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static RejectedAwsRequest invalid(String message) {
        return new RejectedAwsRequest(400, "InvalidParameterException", message);
    }
}
