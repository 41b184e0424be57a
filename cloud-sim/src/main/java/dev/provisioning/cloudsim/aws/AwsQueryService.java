package dev.provisioning.cloudsim.aws;

import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.SimResponse;
import java.util.Map;

/** An AWS service speaking the query protocol ({@code Action=...} form posts answered in XML). */
public interface AwsQueryService {

    /** Signing name, as in the credential scope: {@code sts}, later {@code ec2}, {@code elasticloadbalancing}... */
    String signingName();

    /** XML namespace of the service's responses and errors. */
    String namespace();

    /**
     * Answers one action.
     *
     * @throws RejectedAwsRequest for errors, which the caller renders in the service's namespace
     */
    SimResponse handle(String action, Map<String, String> params, SigV4Authorization caller, String requestId);

    /** Renders a refused request; EC2 overrides it, as its errors have their own XML shape. */
    default SimResponse errorResponse(RejectedAwsRequest rejected, String requestId) {
        return AwsErrorXml.response(namespace(), rejected, requestId);
    }

    /** Renders an injected fault with the error codes this service uses for throttling and outages. */
    default SimResponse injectedFailure(Fault fault, String requestId) {
        return AwsErrorXml.injected(namespace(), fault, requestId);
    }
}
