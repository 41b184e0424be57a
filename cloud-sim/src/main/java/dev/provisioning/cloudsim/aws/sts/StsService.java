package dev.provisioning.cloudsim.aws.sts;

import dev.provisioning.cloudsim.aws.AwsQueryService;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.aws.SigV4Authorization;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import java.util.Map;

/** AWS STS: {@code GetCallerIdentity}, answering as the root user of account 000000000000. */
public final class StsService implements AwsQueryService {

    /** The account every simulated AWS resource belongs to. */
    public static final String ACCOUNT_ID = "000000000000";
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public SimResponse handle(String action, Map<String, String> params, SigV4Authorization caller, String requestId) {
        if (!action.equals("GetCallerIdentity")) {
            throw new RejectedAwsRequest(400, "InvalidAction",
                    "Could not find operation " + action + " for version " + params.getOrDefault("Version", "2011-06-15"));
        }
        String document = new XmlWriter()
                .root("GetCallerIdentityResponse", NAMESPACE)
                .start("GetCallerIdentityResult")
                .element("Arn", "arn:aws:iam::" + ACCOUNT_ID + ":root")
                .element("UserId", ACCOUNT_ID)
                .element("Account", ACCOUNT_ID)
                .end()
                .start("ResponseMetadata")
                .element("RequestId", requestId)
                .end()
                .end()
                .toString();
        return SimResponse.xml(200, document);
    }
}
