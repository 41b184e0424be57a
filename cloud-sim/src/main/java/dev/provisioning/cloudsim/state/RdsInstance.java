package dev.provisioning.cloudsim.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A simulated RDS DB instance (PostgreSQL). Its master password is kept so that tests can check it never leaks
 * anywhere else; the API never returns it and {@link #toString()} leaves it out.
 *
 * @param identifier            the {@code DBInstanceIdentifier}, lower case as RDS stores it
 * @param status                {@code creating}, {@code available}, {@code modifying} (while a promotion completes)
 *                              or {@code deleting}
 * @param endpointAddress       {@code <identifier>.<account and region part>.<region>.rds.amazonaws.com}
 * @param subnetGroupName       the DB subnet group it was placed in, or null (no VPC placement emulated then)
 * @param readReplicaSource     identifier of the instance it replicates, or null for a standalone instance
 * @param createdTime           when it was asked for
 */
public record RdsInstance(String identifier, String arn, String region, String dbiResourceId, String instanceClass,
                          String engine, String engineVersion, String status, String masterUsername,
                          String masterUserPassword, int allocatedStorage, int port, String endpointAddress,
                          String hostedZoneId, String availabilityZone, String subnetGroupName,
                          List<String> vpcSecurityGroupIds, int backupRetentionPeriod, String readReplicaSource,
                          Instant createdTime, Map<String, String> tags) {

    public RdsInstance {
        vpcSecurityGroupIds = List.copyOf(vpcSecurityGroupIds);
        tags = Tags.copy(tags);
    }

    /** Whether it is a read replica of another instance. */
    public boolean isReplica() {
        return readReplicaSource != null;
    }

    /** Whether the API reports its endpoint: from the moment creation has finished. */
    public boolean hasEndpoint() {
        return !status.equals("creating");
    }

    RdsInstance withStatus(String newStatus) {
        return new RdsInstance(identifier, arn, region, dbiResourceId, instanceClass, engine, engineVersion, newStatus,
                masterUsername, masterUserPassword, allocatedStorage, port, endpointAddress, hostedZoneId,
                availabilityZone, subnetGroupName, vpcSecurityGroupIds, backupRetentionPeriod, readReplicaSource,
                createdTime, tags);
    }

    /** No longer a replica; it keeps automated backups for a day, as a promotion without settings does. */
    RdsInstance standalone() {
        return new RdsInstance(identifier, arn, region, dbiResourceId, instanceClass, engine, engineVersion, status,
                masterUsername, masterUserPassword, allocatedStorage, port, endpointAddress, hostedZoneId,
                availabilityZone, subnetGroupName, vpcSecurityGroupIds, Math.max(1, backupRetentionPeriod), null,
                createdTime, tags);
    }

    RdsInstance withTags(Map<String, String> newTags) {
        return new RdsInstance(identifier, arn, region, dbiResourceId, instanceClass, engine, engineVersion, status,
                masterUsername, masterUserPassword, allocatedStorage, port, endpointAddress, hostedZoneId,
                availabilityZone, subnetGroupName, vpcSecurityGroupIds, backupRetentionPeriod, readReplicaSource,
                createdTime, newTags);
    }

    /** Everything but the master password. */
    @Override
    public String toString() {
        return "RdsInstance[identifier=" + identifier + ", arn=" + arn + ", status=" + status + ", instanceClass="
                + instanceClass + ", engine=" + engine + " " + engineVersion + ", endpoint=" + endpointAddress + ":"
                + port + ", availabilityZone=" + availabilityZone + ", subnetGroup=" + subnetGroupName
                + ", readReplicaSource=" + readReplicaSource + ", tags=" + tags + "]";
    }
}
