package dev.provisioning.cloudsim.hetzner;

import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.ProviderApi;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;

/** Hetzner Cloud API under {@code /v1/}; no resource is emulated yet, so every path is unknown. */
public final class HetznerApi implements ProviderApi {

    static final String PROVIDER = "hetzner";

    @Override
    public String provider(SimRequest request) {
        return PROVIDER;
    }

    @Override
    public String family() {
        return PROVIDER;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        return error(404, "not_found", "cloud-sim does not emulate " + request.method() + " " + request.path()
                + " of the Hetzner Cloud API yet");
    }

    @Override
    public SimResponse injectedFailure(Fault fault, SimRequest request) {
        int status = fault.status();
        String code = fault.code() != null ? fault.code()
                : status == 429 ? "rate_limit_exceeded" : status == 503 ? "unavailable" : status >= 500 ? "server_error"
                : "invalid_input";
        String message = fault.message() != null ? fault.message() : "injected failure";
        SimResponse response = error(status, code, message);
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return response;
    }

    private static SimResponse error(int status, String code, String message) {
        var body = SimJson.object();
        body.putObject("error").put("code", code).put("message", message).putNull("details");
        return SimResponse.json(status, body);
    }
}
