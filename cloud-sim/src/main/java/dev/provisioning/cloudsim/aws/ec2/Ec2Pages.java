package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.state.Ec2Instance;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code MaxResults} / {@code NextToken} paging over instances, as {@code DescribeInstances} and
 * {@code DescribeInstanceStatus} do it: a token names the last instance shown, so it stays valid while others come
 * and go.
 *
 * @param from       index of the first instance of the page
 * @param to         index after its last one
 * @param nextToken  the token for the following page, null on the last
 */
record Ec2Pages(int from, int to, String nextToken) {

    private static final String TOKEN_PREFIX = "after:";

    /**
     * The page of {@code matching} the call asks for.
     *
     * @param idsGiven whether the call names instances, which EC2 does not allow together with {@code MaxResults}
     */
    static Ec2Pages of(Ec2Call call, List<Ec2Instance> matching, boolean idsGiven) {
        Optional<Integer> maxResults = call.optionalInt("MaxResults");
        if (maxResults.isPresent() && idsGiven) {
            throw new RejectedAwsRequest(400, "InvalidParameterCombination",
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        if (maxResults.isPresent() && (maxResults.get() < 5 || maxResults.get() > 1000)) {
            throw new RejectedAwsRequest(400, "InvalidParameterValue", "Value ( " + maxResults.get()
                    + " ) for parameter maxResults is invalid. Expecting a value greater than 5.");
        }
        int from = call.optional("NextToken").map(token -> startAfter(token, matching)).orElse(0);
        int to = maxResults.map(max -> Math.min(matching.size(), from + max)).orElse(matching.size());
        String next = to < matching.size() ? token(matching.get(to - 1)) : null;
        return new Ec2Pages(from, to, next);
    }

    <T> List<T> slice(List<T> items) {
        return items.subList(from, to);
    }

    private static String token(Ec2Instance last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + last.instanceId()).getBytes(StandardCharsets.UTF_8));
    }

    private static int startAfter(String token, List<Ec2Instance> matching) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        if (decoded.startsWith(TOKEN_PREFIX)) {
            String instanceId = decoded.substring(TOKEN_PREFIX.length());
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).instanceId().equals(instanceId)) {
                    return i + 1;
                }
            }
        }
        throw new RejectedAwsRequest(400, "InvalidParameterValue", "The token '" + token + "' is invalid.");
    }
}
