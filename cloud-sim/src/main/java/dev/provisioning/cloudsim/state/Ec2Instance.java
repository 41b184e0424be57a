package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated EC2 instance.
 *
 * @param clientToken the idempotency token it was launched with, null when none was given
 * @param keyName     the key pair it was launched with, null when none was given
 * @param tags        tags by key, in the order they were set
 */
public record Ec2Instance(String instanceId, String reservationId, String region, String imageId, String instanceType,
                          State state, String availabilityZone, String vpcId, String subnetId,
                          List<String> securityGroupIds, String privateIpAddress, String publicIpAddress,
                          String clientToken, String keyName, int launchIndex, Instant launchTime,
                          Map<String, String> tags) {

    /** Instance states with the codes EC2 reports for them. */
    public enum State {
        PENDING(0, "pending"), RUNNING(16, "running"), SHUTTING_DOWN(32, "shutting-down"),
        TERMINATED(48, "terminated"), STOPPING(64, "stopping"), STOPPED(80, "stopped");

        private final int code;
        private final String apiName;

        State(int code, String apiName) {
            this.code = code;
            this.apiName = apiName;
        }

        public int code() {
            return code;
        }

        /** The name the API uses, e.g. {@code shutting-down}. */
        public String apiName() {
            return apiName;
        }
    }

    public Ec2Instance {
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = Tags.copy(tags);
    }

    /** Whether it still exists for practical purposes: neither terminated nor on its way there. */
    public boolean isLive() {
        return state != State.SHUTTING_DOWN && state != State.TERMINATED;
    }

    Ec2Instance withState(State newState) {
        return new Ec2Instance(instanceId, reservationId, region, imageId, instanceType, newState, availabilityZone,
                vpcId, subnetId, securityGroupIds, privateIpAddress,
                newState == State.TERMINATED ? null : publicIpAddress, clientToken, keyName, launchIndex, launchTime,
                tags);
    }

    Ec2Instance withInstanceType(String newType) {
        return new Ec2Instance(instanceId, reservationId, region, imageId, newType, state, availabilityZone, vpcId,
                subnetId, securityGroupIds, privateIpAddress, publicIpAddress, clientToken, keyName, launchIndex,
                launchTime, tags);
    }

    Ec2Instance withTags(Map<String, String> newTags) {
        return new Ec2Instance(instanceId, reservationId, region, imageId, instanceType, state, availabilityZone,
                vpcId, subnetId, securityGroupIds, privateIpAddress, publicIpAddress, clientToken, keyName, launchIndex,
                launchTime, newTags);
    }
}
