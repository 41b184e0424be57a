package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Thread-safe store of the simulated RDS resources of every region: DB instances (with their {@code creating} →
 * {@code available}, {@code deleting} → gone and promotion transitions), read replicas of them, DB subnet groups over
 * {@link Ec2Store} subnets, and tags by ARN. Parameters arrive checked for shape; this store checks what depends on
 * other resources and answers with RDS's error codes.
 */
public final class RdsStore {

    /** What a {@code CreateDBInstance} call asks for, already checked for shape and against the catalog. */
    public record InstanceDraft(String region, String identifier, String instanceClass, String engine,
                                String engineVersion, int allocatedStorage, String masterUsername,
                                String masterUserPassword, int port, String subnetGroupName,
                                List<String> vpcSecurityGroupIds, int backupRetentionPeriod, Map<String, String> tags) {
    }

    /**
     * What a {@code CreateDBInstanceReadReplica} call asks for; null {@code instanceClass} and
     * {@code subnetGroupName} and empty {@code vpcSecurityGroupIds} mean "as the source".
     */
    public record ReplicaDraft(String region, String identifier, String source, String instanceClass,
                               String subnetGroupName, List<String> vpcSecurityGroupIds, Map<String, String> tags) {
    }

    private final Ec2Store ec2;
    private final SimTimers timers;
    private final Supplier<Duration> delay;
    private final Map<String, RdsInstance> instances = new LinkedHashMap<>();
    private final Map<String, RdsSubnetGroup> subnetGroups = new LinkedHashMap<>();
    private long nextId = 1;
    private long generation;

    /**
     * @param delay time every transition takes, read as each one starts
     */
    public RdsStore(Ec2Store ec2, SimTimers timers, Supplier<Duration> delay) {
        this.ec2 = ec2;
        this.timers = timers;
        this.delay = delay;
    }

    // ---- DB instances ---------------------------------------------------------------------------------------

    /** Creates a standalone instance, {@code creating} until the delay has passed. */
    public synchronized RdsInstance createInstance(InstanceDraft draft, Instant now) {
        requireFree(draft.region(), draft.identifier());
        RdsSubnetGroup group = draft.subnetGroupName() == null ? null
                : subnetGroup(draft.region(), draft.subnetGroupName());
        checkSecurityGroups(draft.region(), draft.vpcSecurityGroupIds(), group);
        String zone = group == null ? draft.region() + "a" : group.zones().get(0);
        long n = nextId++;
        RdsInstance created = new RdsInstance(draft.identifier(),
                RdsNames.instanceArn(draft.region(), draft.identifier()), draft.region(), RdsNames.dbiResourceId(n),
                draft.instanceClass(), draft.engine(), draft.engineVersion(), "creating", draft.masterUsername(),
                draft.masterUserPassword(), draft.allocatedStorage(), draft.port(),
                RdsNames.endpointAddress(draft.region(), draft.identifier()), RdsNames.hostedZoneId(draft.region()),
                zone, group == null ? null : group.name(), draft.vpcSecurityGroupIds(), draft.backupRetentionPeriod(),
                null, now.truncatedTo(ChronoUnit.MILLIS), draft.tags());
        return store(created, "creating", "available");
    }

    /**
     * Creates a read replica of an {@code available} instance of the same region (given by identifier or ARN), with
     * its engine, version, storage and master user.
     *
     * @throws AwsRejection {@code DBInstanceNotFound} for an unknown source, {@code InvalidDBInstanceState} when the
     *                      source is not available or keeps no automated backups
     */
    public synchronized RdsInstance createReplica(ReplicaDraft draft, Instant now) {
        requireFree(draft.region(), draft.identifier());
        RdsInstance source = instance(draft.region(), draft.source());
        if (!source.status().equals("available")) {
            throw new AwsRejection("InvalidDBInstanceState", "DB instance " + source.identifier()
                    + " is not in available state (it is " + source.status() + ")");
        }
        if (source.backupRetentionPeriod() == 0) {
            throw new AwsRejection("InvalidDBInstanceState", "Automated backups are not enabled for this database "
                    + "instance. To enable automated backups, use ModifyDBInstance to set the backup retention period "
                    + "to a non-zero value.");
        }
        String groupName = draft.subnetGroupName() != null ? draft.subnetGroupName() : source.subnetGroupName();
        RdsSubnetGroup group = groupName == null ? null : subnetGroup(draft.region(), groupName);
        List<String> securityGroups = draft.vpcSecurityGroupIds().isEmpty() ? source.vpcSecurityGroupIds()
                : draft.vpcSecurityGroupIds();
        checkSecurityGroups(draft.region(), securityGroups, group);
        String zone = group == null ? draft.region() + "b" : group.zones().stream()
                .filter(z -> !z.equals(source.availabilityZone())).findFirst().orElse(group.zones().get(0));
        long n = nextId++;
        RdsInstance created = new RdsInstance(draft.identifier(),
                RdsNames.instanceArn(draft.region(), draft.identifier()), draft.region(), RdsNames.dbiResourceId(n),
                draft.instanceClass() != null ? draft.instanceClass() : source.instanceClass(), source.engine(),
                source.engineVersion(), "creating", source.masterUsername(), source.masterUserPassword(),
                source.allocatedStorage(), source.port(), RdsNames.endpointAddress(draft.region(), draft.identifier()),
                RdsNames.hostedZoneId(draft.region()), zone, group == null ? null : group.name(), securityGroups, 0,
                source.identifier(), now.truncatedTo(ChronoUnit.MILLIS), draft.tags());
        return store(created, "creating", "available");
    }

    /** Every instance of every region, by region and identifier. */
    public synchronized List<RdsInstance> instances() {
        return instances.values().stream()
                .sorted(Comparator.comparing(RdsInstance::region).thenComparing(RdsInstance::identifier)).toList();
    }

    /** The instances of a region, ordered by identifier as {@code DescribeDBInstances} lists them. */
    public synchronized List<RdsInstance> instances(String region) {
        return instances.values().stream().filter(i -> i.region().equals(region))
                .sorted(Comparator.comparing(RdsInstance::identifier)).toList();
    }

    /** An instance by identifier (any case) or ARN, in the region. */
    public synchronized Optional<RdsInstance> find(String region, String identifierOrArn) {
        String identifier = identifierOrArn.startsWith("arn:")
                ? identifierOrArn.substring(identifierOrArn.lastIndexOf(':') + 1) : identifierOrArn;
        RdsInstance found = instances.get(key(region, identifier.toLowerCase(Locale.ROOT)));
        return found == null || (identifierOrArn.startsWith("arn:") && !found.arn().equals(identifierOrArn))
                ? Optional.empty() : Optional.of(found);
    }

    /** Like {@link #find}, {@code DBInstanceNotFound} (404) when there is none. */
    public synchronized RdsInstance instance(String region, String identifierOrArn) {
        return find(region, identifierOrArn).orElseThrow(() -> new AwsRejection(404, "DBInstanceNotFound",
                "DBInstance " + identifierOrArn + " not found."));
    }

    /** Identifiers of the read replicas of an instance, ordered by identifier. */
    public synchronized List<String> replicasOf(RdsInstance source) {
        return instances.values().stream()
                .filter(i -> i.region().equals(source.region()) && source.identifier().equals(i.readReplicaSource()))
                .map(RdsInstance::identifier).sorted().toList();
    }

    /**
     * Starts deleting an instance: {@code deleting}, then gone after the delay. Replicas of a deleted source become
     * standalone instances once it is gone, as RDS promotes them.
     */
    public synchronized RdsInstance delete(String region, String identifierOrArn) {
        RdsInstance existing = instance(region, identifierOrArn);
        if (existing.status().equals("deleting")) {
            throw new AwsRejection("InvalidDBInstanceState", "Instance " + existing.identifier()
                    + " is already being deleted.");
        }
        return store(existing.withStatus("deleting"), "deleting", null);
    }

    /**
     * Promotes an {@code available} read replica: {@code modifying} for the delay, then a standalone
     * {@code available} instance.
     */
    public synchronized RdsInstance promote(String region, String identifierOrArn) {
        RdsInstance existing = instance(region, identifierOrArn);
        if (!existing.isReplica()) {
            throw new AwsRejection("InvalidDBInstanceState", "DB Instance is not a read replica.");
        }
        if (!existing.status().equals("available")) {
            throw new AwsRejection("InvalidDBInstanceState", "DB instance " + existing.identifier()
                    + " is not in available state (it is " + existing.status() + ")");
        }
        return store(existing.withStatus("modifying"), "modifying", "available");
    }

    /** Stores the instance and schedules its move from {@code from} to {@code to} (null: removal). */
    private RdsInstance store(RdsInstance instance, String from, String to) {
        String key = key(instance.region(), instance.identifier());
        instances.put(key, instance);
        long scheduledIn = generation;
        timers.after(delay.get(), () -> finish(key, instance.dbiResourceId(), from, to, scheduledIn));
        return instance;
    }

    private synchronized void finish(String key, String dbiResourceId, String from, String to, long scheduledIn) {
        RdsInstance current = instances.get(key);
        if (scheduledIn != generation || current == null || !current.dbiResourceId().equals(dbiResourceId)
                || !current.status().equals(from)) {
            return;
        }
        if (to == null) {
            instances.remove(key);
            instances.replaceAll((k, i) -> current.region().equals(i.region())
                    && current.identifier().equals(i.readReplicaSource()) ? i.standalone() : i);
        } else if (from.equals("modifying")) {
            instances.put(key, current.standalone().withStatus(to));
        } else {
            instances.put(key, current.withStatus(to));
        }
    }

    private void requireFree(String region, String identifier) {
        if (instances.containsKey(key(region, identifier))) {
            throw new AwsRejection("DBInstanceAlreadyExists", "DB instance already exists");
        }
    }

    private void checkSecurityGroups(String region, List<String> groupIds, RdsSubnetGroup subnetGroup) {
        for (String groupId : groupIds) {
            Ec2SecurityGroup group;
            try {
                group = ec2.groupIn(region, groupId);
            } catch (AwsRejection unknown) {
                throw new AwsRejection("InvalidParameterValue", "Invalid security group, groupId= " + groupId
                        + ", groupName=.");
            }
            if (subnetGroup != null && !subnetGroup.vpcId().equals(group.vpcId())) {
                throw new AwsRejection("InvalidParameterCombination", "The DB instance and EC2 security group are in "
                        + "different VPCs. The DB instance is in " + subnetGroup.vpcId() + " and the EC2 security "
                        + "group is in " + group.vpcId() + ".");
            }
        }
    }

    // ---- DB subnet groups -----------------------------------------------------------------------------------

    /**
     * Creates a subnet group over subnets of one VPC.
     *
     * @throws AwsRejection {@code DBSubnetGroupAlreadyExists}, {@code InvalidSubnet} for unknown subnets,
     *                      {@code DBSubnetGroupDoesNotCoverEnoughAZs} for fewer than two zones
     */
    public synchronized RdsSubnetGroup createSubnetGroup(String region, String name, String description,
                                                         List<String> subnetIds, Map<String, String> tags) {
        if (subnetGroups.containsKey(key(region, name))) {
            throw new AwsRejection("DBSubnetGroupAlreadyExists", "The DB subnet group '" + name
                    + "' already exists.");
        }
        List<RdsSubnetGroup.Subnet> subnets = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        String vpcId = null;
        for (String subnetId : subnetIds) {
            try {
                Ec2Subnet subnet = ec2.subnetIn(region, subnetId);
                if (vpcId != null && !vpcId.equals(subnet.vpcId())) {
                    throw new AwsRejection("InvalidParameterValue", "The subnets of a DB subnet group must all be in "
                            + "one VPC: " + subnetId + " is in " + subnet.vpcId() + ", not " + vpcId);
                }
                vpcId = subnet.vpcId();
                subnets.add(new RdsSubnetGroup.Subnet(subnetId, subnet.availabilityZone()));
            } catch (AwsRejection notFound) {
                if (!notFound.code().startsWith("InvalidSubnetID")) {
                    throw notFound;
                }
                unknown.add(subnetId);
            }
        }
        if (!unknown.isEmpty()) {
            throw new AwsRejection("InvalidSubnet", "Some input subnets in :" + unknown + " are invalid.");
        }
        RdsSubnetGroup group = new RdsSubnetGroup(name, RdsNames.subnetGroupArn(region, name), region, description,
                vpcId, subnets, tags);
        if (group.zones().size() < 2) {
            throw new AwsRejection("DBSubnetGroupDoesNotCoverEnoughAZs", "The DB subnet group doesn't meet "
                    + "Availability Zone (AZ) coverage requirement. Current AZ coverage: "
                    + String.join(", ", group.zones()) + ". Add subnets to cover at least 2 AZs.");
        }
        subnetGroups.put(key(region, name), group);
        return group;
    }

    /** The subnet groups of a region, ordered by name. */
    public synchronized List<RdsSubnetGroup> subnetGroups(String region) {
        return subnetGroups.values().stream().filter(g -> g.region().equals(region))
                .sorted(Comparator.comparing(RdsSubnetGroup::name)).toList();
    }

    /** Every subnet group of every region. */
    public synchronized List<RdsSubnetGroup> subnetGroups() {
        return List.copyOf(subnetGroups.values());
    }

    /** A subnet group by name (any case); {@code DBSubnetGroupNotFoundFault} (404) when there is none. */
    public synchronized RdsSubnetGroup subnetGroup(String region, String name) {
        RdsSubnetGroup group = subnetGroups.get(key(region, name.toLowerCase(Locale.ROOT)));
        if (group == null) {
            throw new AwsRejection(404, "DBSubnetGroupNotFoundFault", "DBSubnetGroup '" + name + "' not found.");
        }
        return group;
    }

    /** {@code InvalidDBSubnetGroupStateFault} while an instance (even one being deleted) is in it. */
    public synchronized void deleteSubnetGroup(String region, String name) {
        RdsSubnetGroup group = subnetGroup(region, name);
        Optional<RdsInstance> user = instances.values().stream()
                .filter(i -> i.region().equals(region) && group.name().equals(i.subnetGroupName())).findFirst();
        if (user.isPresent()) {
            throw new AwsRejection("InvalidDBSubnetGroupStateFault", "Cannot delete the subnet group '" + group.name()
                    + "' because at least one database instance: " + user.get().identifier() + " is still using it.");
        }
        subnetGroups.remove(key(region, group.name()));
    }

    // ---- tags -----------------------------------------------------------------------------------------------

    /** The tags of a DB instance or subnet group ARN of the region. */
    public synchronized Map<String, String> tagsOf(String region, String arn) {
        Object resource = resolve(region, arn);
        return resource instanceof RdsInstance instance ? instance.tags() : ((RdsSubnetGroup) resource).tags();
    }

    /** Adds or overwrites tags. */
    public synchronized void addTags(String region, String arn, Map<String, String> tags) {
        retag(region, arn, Tags.merged(tagsOf(region, arn), tags));
    }

    /** Removes tags by key; keys it does not have are ignored. */
    public synchronized void removeTags(String region, String arn, List<String> keys) {
        retag(region, arn, Tags.without(tagsOf(region, arn), keys));
    }

    private void retag(String region, String arn, Map<String, String> tags) {
        Object resource = resolve(region, arn);
        if (resource instanceof RdsInstance instance) {
            instances.put(key(region, instance.identifier()), instance.withTags(tags));
        } else {
            RdsSubnetGroup group = (RdsSubnetGroup) resource;
            subnetGroups.put(key(region, group.name()), group.withTags(tags));
        }
    }

    private Object resolve(String region, String arn) {
        String[] parts = arn.split(":", 7);
        boolean ours = parts.length == 7 && parts[0].equals("arn") && parts[2].equals("rds")
                && parts[3].equals(region) && parts[4].equals(AwsIds.ACCOUNT_ID);
        if (ours && parts[5].equals("db")) {
            return instance(region, arn);
        }
        if (ours && parts[5].equals("subgrp")) {
            RdsSubnetGroup group = subnetGroup(region, parts[6]);
            if (group.arn().equals(arn)) {
                return group;
            }
        }
        throw new AwsRejection("InvalidParameterValue", "The specified resource name does not match an RDS resource "
                + "in this region.");
    }

    /** Forgets everything; transitions scheduled before the reset no longer apply. The delay is kept. */
    public synchronized void reset() {
        instances.clear();
        subnetGroups.clear();
        nextId = 1;
        generation++;
    }

    private static String key(String region, String name) {
        return region + "/" + name;
    }
}
