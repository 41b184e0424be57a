package dev.provisioning.cloudsim.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A simulated ELBv2 target group with its registered targets and health check settings. */
public record ElbTargetGroup(String arn, String name, String region, String protocol, int port, String vpcId,
                             String targetType, HealthCheck healthCheck, List<Target> targets,
                             Map<String, String> tags) {

    /** How the load balancer checks its targets. */
    public record HealthCheck(String protocol, String port, String path, int intervalSeconds, int timeoutSeconds,
                              int healthyThreshold, int unhealthyThreshold, String matcher) {
    }

    /** A registered target: an instance id and the port traffic goes to. */
    public record Target(String id, int port) {
    }

    public ElbTargetGroup {
        targets = List.copyOf(targets);
        tags = Tags.copy(tags);
    }

    ElbTargetGroup withTargets(List<Target> newTargets) {
        return new ElbTargetGroup(arn, name, region, protocol, port, vpcId, targetType, healthCheck,
                new ArrayList<>(newTargets), tags);
    }

    ElbTargetGroup withTags(Map<String, String> newTags) {
        return new ElbTargetGroup(arn, name, region, protocol, port, vpcId, targetType, healthCheck, targets,
                newTags);
    }
}
