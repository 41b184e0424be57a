package dev.provisioning.cloudsim.aws;

import dev.provisioning.cloudsim.http.SimRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The credential scope of an AWS Signature Version 4 request. The signature itself is not verified
 * (any credentials work), but the header must have the shape a real endpoint insists on.
 *
 * @param accessKeyId access key id from the credential
 * @param region      signing region, e.g. {@code us-east-1}
 * @param service     signing service name, e.g. {@code sts} or {@code route53}
 */
public record SigV4Authorization(String accessKeyId, String date, String region, String service) {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /**
     * Reads the credential scope from the {@code Authorization} header, or from the query string of a
     * pre-signed request.
     *
     * @throws RejectedAwsRequest 403 {@code MissingAuthenticationToken} without any, 403 {@code IncompleteSignature}
     *                            when the header lacks a part
     */
    public static SigV4Authorization require(SimRequest request) {
        Optional<String> header = request.header("Authorization").filter(value -> !value.isBlank());
        if (header.isPresent()) {
            return fromHeader(header.get().trim());
        }
        Optional<String> presigned = request.queryParam("X-Amz-Credential");
        if (presigned.isPresent() && request.queryParam("X-Amz-Signature").isPresent()) {
            return fromCredential(presigned.get());
        }
        throw new RejectedAwsRequest(403, "MissingAuthenticationToken", "Missing Authentication Token");
    }

    /** Like {@link #require(SimRequest)}, and the credential must be scoped to the given service. */
    public static SigV4Authorization require(SimRequest request, String expectedService) {
        SigV4Authorization authorization = require(request);
        if (!authorization.service().equals(expectedService)) {
            throw new RejectedAwsRequest(403, "SignatureDoesNotMatch",
                    "Credential should be scoped to correct service: '" + expectedService + "'. ");
        }
        return authorization;
    }

    /** The signing service named by a request's credential, without validating anything else. */
    public static Optional<String> serviceOf(SimRequest request) {
        try {
            return Optional.of(require(request).service());
        } catch (RejectedAwsRequest unsigned) {
            return Optional.empty();
        }
    }

    private static SigV4Authorization fromHeader(String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw new RejectedAwsRequest(403, "IncompleteSignature",
                    "Authorization header requires the " + ALGORITHM + " algorithm.");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.substring(ALGORITHM.length()).split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (parts.getOrDefault(required, "").isEmpty()) {
                missing.add("Authorization header requires '" + required + "' parameter.");
            }
        }
        if (!missing.isEmpty()) {
            throw new RejectedAwsRequest(403, "IncompleteSignature", String.join(" ", missing));
        }
        return fromCredential(parts.get("Credential"));
    }

    private static SigV4Authorization fromCredential(String credential) {
        String[] scope = credential.split("/");
        boolean wellFormed = scope.length == 5 && !scope[0].isBlank() && scope[1].length() == 8
                && !scope[2].isBlank() && !scope[3].isBlank() && scope[4].equals("aws4_request");
        if (!wellFormed) {
            throw new RejectedAwsRequest(403, "IncompleteSignature",
                    "Credential must have the form <key>/<date>/<region>/<service>/aws4_request.");
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3].toLowerCase(Locale.ROOT));
    }
}
