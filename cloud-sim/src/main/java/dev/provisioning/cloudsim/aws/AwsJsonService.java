package dev.provisioning.cloudsim.aws;

import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import java.util.Map;

/**
 * An AWS service speaking the JSON 1.1 protocol ({@code POST /} with {@code X-Amz-Target} and a JSON body), routed by
 * its SigV4 credential scope like the query services.
 */
public interface AwsJsonService extends AwsQueryService {

    /**
     * Answers one JSON request.
     *
     * @throws RejectedAwsRequest for errors, which {@link #errorResponse} renders as a JSON error
     */
    SimResponse handleJson(SimRequest request, SigV4Authorization caller, String requestId);

    /** JSON services never see form parameters; {@link AwsQueryApi} calls {@link #handleJson} instead. */
    @Override
    default SimResponse handle(String action, Map<String, String> params, SigV4Authorization caller,
            String requestId) {
        throw new RejectedAwsRequest(400, "UnknownOperationException", "Requests must use the JSON 1.1 protocol.");
    }
}
