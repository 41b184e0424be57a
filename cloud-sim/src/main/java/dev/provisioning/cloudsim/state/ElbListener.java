package dev.provisioning.cloudsim.state;

import java.util.List;
import java.util.Map;

/** A simulated ELBv2 listener forwarding to one target group. */
public record ElbListener(String arn, String loadBalancerArn, String protocol, int port, List<String> certificateArns,
                          String sslPolicy, String targetGroupArn, Map<String, String> tags) {

    public ElbListener {
        certificateArns = List.copyOf(certificateArns);
        tags = Tags.copy(tags);
    }

    ElbListener withTags(Map<String, String> newTags) {
        return new ElbListener(arn, loadBalancerArn, protocol, port, certificateArns, sslPolicy, targetGroupArn,
                newTags);
    }
}
