package dev.provisioning.cloudsim.aws.elbv2;

import dev.provisioning.cloudsim.aws.QueryCall;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ELBv2 query request, its parameters in the query protocol's flattening ({@code Subnets.member.1},
 * {@code Tags.member.1.Key}).
 */
final class ElbCall extends QueryCall {

    static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    ElbCall(Map<String, String> params, String region, String requestId) {
        super(params, region, requestId, NAMESPACE);
    }

    /** {@code <prefix>.member.1}, {@code .member.2}… in order. */
    List<String> members(String prefix) {
        Map<String, String> params = params();
        List<String> values = new ArrayList<>();
        for (int n = 1; params.containsKey(prefix + ".member." + n); n++) {
            values.add(params.get(prefix + ".member." + n));
        }
        return values;
    }

    /** The number of {@code <prefix>.member.N.<field>} entries, for lists of structures. */
    int memberCount(String prefix, String field) {
        int n = 0;
        while (params().containsKey(prefix + ".member." + (n + 1) + "." + field)) {
            n++;
        }
        return n;
    }

    Map<String, String> tags() {
        Map<String, String> params = params();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = 1; params.containsKey("Tags.member." + n + ".Key"); n++) {
            tags.put(params.get("Tags.member." + n + ".Key"), params.getOrDefault("Tags.member." + n + ".Value", ""));
        }
        return tags;
    }

    @Override
    protected RejectedAwsRequest missing(String name) {
        return validation("1 validation error detected: Value null at '" + Character.toLowerCase(name.charAt(0))
                + name.substring(1) + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    protected RejectedAwsRequest notAnInteger(String name, String value) {
        return validation("'" + value + "' is not a valid value for " + name);
    }

    static RejectedAwsRequest validation(String message) {
        return new RejectedAwsRequest(400, "ValidationError", message);
    }
}
