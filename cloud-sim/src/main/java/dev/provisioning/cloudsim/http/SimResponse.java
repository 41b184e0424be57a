package dev.provisioning.cloudsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response produced by a provider emulation; headers can be added before it is sent. */
public final class SimResponse {

    private static final byte[] NO_BODY = new byte[0];

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    private SimResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, "application/json; charset=utf-8", SimJson.write(body));
    }

    public static SimResponse xml(int status, String document) {
        return new SimResponse(status, "text/xml", document.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse text(int status, String contentType, String text) {
        return new SimResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A response without a body, such as 204 No Content. */
    public static SimResponse empty(int status) {
        return new SimResponse(status, null, NO_BODY);
    }

    /** Sets a header, replacing an earlier value of the same name. */
    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
