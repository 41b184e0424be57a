package dev.provisioning.cloudsim.aws;

import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One query-protocol request: its region (from the signature), request id and flattened parameters, with the reads
 * every query service shares. Each service's call adds how it spells lists and tags, the errors it answers a missing
 * or malformed parameter with, and, for EC2, its own response shape.
 */
public abstract class QueryCall {

    private final Map<String, String> params;
    private final String region;
    private final String requestId;
    private final String namespace;

    protected QueryCall(Map<String, String> params, String region, String requestId, String namespace) {
        this.params = params;
        this.region = region;
        this.requestId = requestId;
        this.namespace = namespace;
    }

    public String region() {
        return region;
    }

    /** A parameter's value; absent when it is missing or empty. */
    public Optional<String> optional(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A parameter's value, refused with {@link #missing(String)} when it is missing or empty. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> missing(name));
    }

    /** A whole number, refused with {@link #notAnInteger(String, String)} when it is something else. */
    public Optional<Integer> optionalInt(String name) {
        Optional<String> text = optional(name);
        try {
            return text.map(t -> Integer.parseInt(t.trim()));
        } catch (NumberFormatException e) {
            throw notAnInteger(name, text.get());
        }
    }

    /** Whether a parameter is {@code true}, in any case; false when it is missing. */
    public boolean flag(String name) {
        return optional(name).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * {@code <action>Response><action>Result>…</…Result><ResponseMetadata/>}, as the query protocol wants.
     */
    public SimResponse respond(String action, Consumer<XmlWriter> result) {
        XmlWriter xml = new XmlWriter().root(action + "Response", namespace).start(action + "Result");
        result.accept(xml);
        xml.end().start("ResponseMetadata").element("RequestId", requestId).end().end();
        return SimResponse.xml(200, xml.toString());
    }

    /** The request's parameters as they arrived. */
    protected Map<String, String> params() {
        return params;
    }

    protected String requestId() {
        return requestId;
    }

    protected String namespace() {
        return namespace;
    }

    /** The service's answer to a required parameter that is missing; {@code MissingParameter} unless overridden. */
    protected RejectedAwsRequest missing(String name) {
        return new RejectedAwsRequest(400, "MissingParameter", "The request must contain the parameter " + name);
    }

    /** The service's answer to a parameter that should be a whole number but is not. */
    protected abstract RejectedAwsRequest notAnInteger(String name, String value);
}
