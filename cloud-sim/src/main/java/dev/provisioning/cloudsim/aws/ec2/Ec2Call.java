package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.aws.QueryCall;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One EC2 query request, its parameters read the way the EC2 protocol flattens them ({@code InstanceId.1},
 * {@code Filter.1.Name}, {@code Filter.1.Value.1}, {@code TagSpecification.1.Tag.1.Key}).
 */
final class Ec2Call extends QueryCall {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    Ec2Call(Map<String, String> params, String region, String requestId) {
        super(params, region, requestId, NAMESPACE);
    }

    /** The values of {@code <prefix>.1}, {@code <prefix>.2}… in index order. */
    List<String> list(String prefix) {
        return new ArrayList<>(indexed(Pattern.quote(prefix) + "\\.(\\d+)").values());
    }

    /** {@code Filter.N.Name} with its {@code Filter.N.Value.M}, merged by name. */
    Map<String, List<String>> filters() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        indexed("Filter\\.(\\d+)\\.Name").forEach((index, name) -> filters.computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(list("Filter." + index + ".Value")));
        return filters;
    }

    /** {@code <prefix>.N.Key} / {@code <prefix>.N.Value} pairs, e.g. {@code Tag}. */
    Map<String, String> tags(String prefix) {
        Map<String, String> tags = new LinkedHashMap<>();
        indexed(Pattern.quote(prefix) + "\\.(\\d+)\\.Key").forEach((index, key) ->
                tags.put(key, params().getOrDefault(prefix + "." + index + ".Value", "")));
        for (String key : tags.keySet()) {
            if (key.startsWith("aws:")) {
                throw new RejectedAwsRequest(400, "InvalidParameterValue",
                        "Tag keys starting with 'aws:' are reserved for internal use");
            }
        }
        return tags;
    }

    /** The tags of the {@code TagSpecification.N} whose {@code ResourceType} is the given one. */
    Map<String, String> tagSpecification(String resourceType) {
        Map<String, String> tags = new LinkedHashMap<>();
        indexed("TagSpecification\\.(\\d+)\\.ResourceType").forEach((index, type) -> {
            if (!type.equals(resourceType)) {
                throw new RejectedAwsRequest(400, "InvalidParameterValue", "'" + type
                        + "' is not a valid taggable resource type for this operation.");
            }
            tags.putAll(tags("TagSpecification." + index + ".Tag"));
        });
        return tags;
    }

    /** Index → value of every parameter matching the pattern (its group 1 is the index), in index order. */
    private Map<Integer, String> indexed(String regex) {
        Pattern pattern = Pattern.compile(regex);
        Map<Integer, String> found = new TreeMap<>();
        params().forEach((name, value) -> {
            Matcher m = pattern.matcher(name);
            if (m.matches()) {
                found.put(Integer.parseInt(m.group(1)), value);
            }
        });
        return found;
    }

    @Override
    protected RejectedAwsRequest notAnInteger(String name, String value) {
        return invalidValue(name, value);
    }

    static RejectedAwsRequest invalidValue(String parameter, String value) {
        return new RejectedAwsRequest(400, "InvalidParameterValue", "Invalid value '" + value + "' for "
                + parameter + ".");
    }

    /**
     * A 200 response {@code <action>Response} with the request id first, then what {@code body} writes: EC2 answers
     * without the query protocol's Result wrapper.
     */
    @Override
    public SimResponse respond(String action, Consumer<XmlWriter> body) {
        XmlWriter xml = new XmlWriter().root(action + "Response", NAMESPACE).element("requestId", requestId());
        body.accept(xml);
        return SimResponse.xml(200, xml.end().toString());
    }

    /** The {@code <return>true</return>} answer of actions that only change something. */
    SimResponse respondTrue(String action) {
        return respond(action, xml -> xml.element("return", true));
    }
}
