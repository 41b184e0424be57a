package dev.provisioning.cloudsim.aws;

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
}
