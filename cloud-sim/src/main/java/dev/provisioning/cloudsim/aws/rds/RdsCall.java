package dev.provisioning.cloudsim.aws.rds;

import dev.provisioning.cloudsim.aws.QueryCall;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One RDS query request. RDS names its list entries ({@code Tags.Tag.1.Key},
 * {@code VpcSecurityGroupIds.VpcSecurityGroupId.1}, {@code Filters.Filter.1.Values.Value.1}); the generic
 * {@code .member.N} spelling is accepted too.
 */
final class RdsCall extends QueryCall {

    static final String NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";

    RdsCall(Map<String, String> params, String region, String requestId) {
        super(params, region, requestId, NAMESPACE);
    }

    /** An identifier or name RDS stores in lower case. */
    Optional<String> optionalLowerCase(String name) {
        return optional(name).map(value -> value.toLowerCase(Locale.ROOT));
    }

    /** {@code <prefix>.<entry>.N} (or {@code <prefix>.member.N}) in order. */
    List<String> list(String prefix, String entry) {
        Map<String, String> params = params();
        List<String> values = new ArrayList<>();
        for (int n = 1; ; n++) {
            String value = params.containsKey(prefix + "." + entry + "." + n) ? params.get(prefix + "." + entry + "." + n)
                    : params.get(prefix + ".member." + n);
            if (value == null) {
                return values;
            }
            values.add(value);
        }
    }

    /** {@code Tags.Tag.N.Key} / {@code .Value}. */
    Map<String, String> tags() {
        Map<String, String> params = params();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = 1; ; n++) {
            String entry = params.containsKey("Tags.Tag." + n + ".Key") ? "Tags.Tag." + n
                    : params.containsKey("Tags.member." + n + ".Key") ? "Tags.member." + n : null;
            if (entry == null) {
                return tags;
            }
            tags.put(params.get(entry + ".Key"), params.getOrDefault(entry + ".Value", ""));
        }
    }

    /** {@code Filters.Filter.N.Name} with {@code Filters.Filter.N.Values.Value.M}, by name. */
    Map<String, List<String>> filters() {
        Map<String, String> params = params();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (int n = 1; ; n++) {
            String entry = params.containsKey("Filters.Filter." + n + ".Name") ? "Filters.Filter." + n
                    : params.containsKey("Filters.member." + n + ".Name") ? "Filters.member." + n : null;
            if (entry == null) {
                return filters;
            }
            filters.computeIfAbsent(params.get(entry + ".Name"), k -> new ArrayList<>())
                    .addAll(list(entry + ".Values", "Value"));
        }
    }

    @Override
    protected RejectedAwsRequest notAnInteger(String name, String value) {
        return invalidValue("Invalid value '" + value + "' for " + name + ": not an integer");
    }

    static RejectedAwsRequest invalidValue(String message) {
        return new RejectedAwsRequest(400, "InvalidParameterValue", message);
    }

    static RejectedAwsRequest invalidCombination(String message) {
        return new RejectedAwsRequest(400, "InvalidParameterCombination", message);
    }

    /** The answer of an action without a result, e.g. {@code AddTagsToResource}. */
    SimResponse respondEmpty(String action) {
        XmlWriter xml = new XmlWriter().root(action + "Response", NAMESPACE)
                .start("ResponseMetadata").element("RequestId", requestId()).end().end();
        return SimResponse.xml(200, xml.toString());
    }
}
