package dev.provisioning.cloudsim.aws.elbv2;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One ELBv2 query request: region (from the signature), request id and parameters in the query protocol's
 * flattening ({@code Subnets.member.1}, {@code Tags.member.1.Key}).
 */
final class ElbCall {

    static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    private final Map<String, String> params;
    private final String region;
    private final String requestId;

    ElbCall(Map<String, String> params, String region, String requestId) {
        this.params = params;
        this.region = region;
        this.requestId = requestId;
    }

    String region() {
        return region;
    }

    Optional<String> optional(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> validation("1 validation error detected: Value null at '"
                + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "' failed to satisfy constraint: "
                + "Member must not be null"));
    }

    Optional<Integer> optionalInt(String name) {
        Optional<String> text = optional(name);
        try {
            return text.map(t -> Integer.parseInt(t.trim()));
        } catch (NumberFormatException e) {
            throw validation("'" + text.get() + "' is not a valid value for " + name);
        }
    }

    /** {@code <prefix>.member.1}, {@code .member.2}… in order. */
    List<String> members(String prefix) {
        List<String> values = new ArrayList<>();
        for (int n = 1; params.containsKey(prefix + ".member." + n); n++) {
            values.add(params.get(prefix + ".member." + n));
        }
        return values;
    }

    /** The number of {@code <prefix>.member.N.<field>} entries, for lists of structures. */
    int memberCount(String prefix, String field) {
        int n = 0;
        while (params.containsKey(prefix + ".member." + (n + 1) + "." + field)) {
            n++;
        }
        return n;
    }

    Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = 1; params.containsKey("Tags.member." + n + ".Key"); n++) {
            tags.put(params.get("Tags.member." + n + ".Key"), params.getOrDefault("Tags.member." + n + ".Value", ""));
        }
        return tags;
    }

    static RejectedAwsRequest validation(String message) {
        return new RejectedAwsRequest(400, "ValidationError", message);
    }

    /** {@code <action>Response><action>Result>…</…Result><ResponseMetadata/>}, as the query protocol wants. */
    SimResponse respond(String action, Consumer<XmlWriter> result) {
        XmlWriter xml = new XmlWriter().root(action + "Response", NAMESPACE).start(action + "Result");
        result.accept(xml);
        xml.end().start("ResponseMetadata").element("RequestId", requestId).end().end();
        return SimResponse.xml(200, xml.toString());
    }
}
