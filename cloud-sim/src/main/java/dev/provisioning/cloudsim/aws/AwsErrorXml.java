package dev.provisioning.cloudsim.aws;

import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;

/** AWS XML error bodies: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}. */
public final class AwsErrorXml {

    private AwsErrorXml() {
    }

    public static SimResponse response(String namespace, RejectedAwsRequest rejected, String requestId) {
        String document = new XmlWriter()
                .root("ErrorResponse", namespace)
                .start("Error")
                .element("Type", rejected.faultType())
                .element("Code", rejected.code())
                .element("Message", rejected.getMessage())
                .end()
                .element("RequestId", requestId)
                .end()
                .toString();
        return SimResponse.xml(rejected.status(), document).header("x-amzn-RequestId", requestId);
    }

    /** The error an AWS service sends for an injected fault: throttling for 429, service errors for 5xx. */
    public static SimResponse injected(String namespace, Fault fault, String requestId) {
        int status = fault.status();
        String code = fault.code() != null ? fault.code()
                : status == 429 ? "Throttling" : status == 503 ? "ServiceUnavailable"
                : status >= 500 ? "InternalFailure" : "InvalidInput";
        String message = fault.message() != null ? fault.message()
                : status == 429 ? "Rate exceeded" : status >= 500 ? "Internal service error" : "Request failed";
        SimResponse response = response(namespace, new RejectedAwsRequest(status, code, message), requestId);
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return response;
    }
}
