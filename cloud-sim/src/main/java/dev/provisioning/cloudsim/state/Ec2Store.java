package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Thread-safe store of the simulated EC2 resources (instances, VPCs, subnets, internet gateways, security groups, key
 * pairs and their tags), with the asynchronous state changes of instances. Resources belong to the region they were
 * created in.
 */
public final class Ec2Store {

    /** Availability zone letters every simulated region offers. */
    public static final List<String> ZONE_LETTERS = List.of("a", "b", "c");
    private static final String DEFAULT_VPC_CIDR = "172.31.0.0/16";

    /**
     * What a {@code RunInstances} call asks for, already validated against the catalog.
     *
     * @param keyName a key pair of the region, or null
     */
    public record Launch(String region, String imageId, String instanceType, int count, String subnetId,
                         List<String> securityGroupIds, String clientToken, String keyName, Map<String, String> tags) {
    }

    /** Instances launched together. */
    public record Reservation(String reservationId, String region, List<Ec2Instance> instances) {
    }

    /** An instance's state before and after a start, stop or terminate call. */
    public record StateChange(String instanceId, Ec2Instance.State previous, Ec2Instance.State current) {
    }

    /** One tag of one resource, as {@code DescribeTags} lists them. */
    public record ResourceTag(String resourceId, String resourceType, String key, String value) {
    }

    private record TokenUse(String fingerprint, String reservationId) {
    }

    private final SimTimers timers;
    private final Supplier<Duration> transitionDelay;
    private final Map<String, Ec2Instance> instances = new LinkedHashMap<>();
    private final Map<String, Ec2Vpc> vpcs = new LinkedHashMap<>();
    private final Map<String, Ec2Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, Ec2InternetGateway> gateways = new LinkedHashMap<>();
    private final Map<String, Ec2SecurityGroup> securityGroups = new LinkedHashMap<>();
    private final Map<String, TokenUse> clientTokens = new HashMap<>();
    private final Ec2KeyPairs keyPairs = new Ec2KeyPairs();
    private long nextId = 1;
    private long publicAddressesHandedOut;
    private long generation;

    /**
     * @param timers          runs the state transitions
     * @param transitionDelay time an instance spends pending, stopping or shutting down, read at each change
     */
    public Ec2Store(SimTimers timers, Supplier<Duration> transitionDelay) {
        this.timers = timers;
        this.transitionDelay = transitionDelay;
    }

    // ---- instances -------------------------------------------------------------------------------------------

    /**
     * Launches {@code count} instances, or with a client token already used with the same parameters returns that
     * launch's reservation as it is now.
     *
     * @throws AwsRejection {@code IdempotentParameterMismatch}, unknown subnet, security group or key pair
     */
    public synchronized Reservation runInstances(Launch launch, Instant now) {
        String fingerprint = launch.imageId() + "|" + launch.instanceType() + "|" + launch.count() + "|"
                + launch.subnetId() + "|" + launch.securityGroupIds() + "|" + launch.keyName();
        String tokenKey = launch.region() + "/" + launch.clientToken();
        if (launch.clientToken() != null) {
            TokenUse used = clientTokens.get(tokenKey);
            if (used != null) {
                if (!used.fingerprint().equals(fingerprint)) {
                    throw new AwsRejection("IdempotentParameterMismatch", "Arguments on this idempotent request are "
                            + "inconsistent with arguments used in previous request(s).");
                }
                return reservation(used.reservationId()).orElseThrow();
            }
        }
        if (launch.keyName() != null) {
            keyPairs.existing(launch.region(), launch.keyName());
        }
        Ec2Subnet subnet = launch.subnetId() == null ? defaultSubnet(launch.region(), "a")
                : subnetIn(launch.region(), launch.subnetId());
        List<String> groups = new ArrayList<>();
        for (String groupId : launch.securityGroupIds()) {
            Ec2SecurityGroup group = groupIn(launch.region(), groupId);
            if (!group.vpcId().equals(subnet.vpcId())) {
                throw new AwsRejection("InvalidParameter", "Security group " + groupId + " and subnet "
                        + subnet.subnetId() + " belong to different networks.");
            }
            groups.add(groupId);
        }
        if (groups.isEmpty()) {
            groups.add(defaultGroupOf(subnet.vpcId()).groupId());
        }
        String reservationId = AwsIds.of("r", nextId++);
        Instant launchTime = now.truncatedTo(ChronoUnit.SECONDS);
        List<Ec2Instance> launched = new ArrayList<>();
        for (int i = 0; i < launch.count(); i++) {
            Ec2Instance instance = new Ec2Instance(AwsIds.of("i", nextId++), reservationId, launch.region(),
                    launch.imageId(), launch.instanceType(), Ec2Instance.State.PENDING, subnet.availabilityZone(),
                    subnet.vpcId(), subnet.subnetId(), groups, freePrivateAddress(subnet), nextPublicAddress(),
                    launch.clientToken(), launch.keyName(), i, launchTime, launch.tags());
            instances.put(instance.instanceId(), instance);
            launched.add(instance);
            scheduleTransition(instance.instanceId(), Ec2Instance.State.PENDING, Ec2Instance.State.RUNNING);
        }
        if (launch.clientToken() != null) {
            clientTokens.put(tokenKey, new TokenUse(fingerprint, reservationId));
        }
        return new Reservation(reservationId, launch.region(), List.copyOf(launched));
    }

    /** Every instance of every region, terminated ones included, in launch order. */
    public synchronized List<Ec2Instance> instances() {
        return List.copyOf(instances.values());
    }

    public synchronized List<Ec2Instance> instances(String region) {
        return instances.values().stream().filter(i -> i.region().equals(region)).toList();
    }

    public synchronized Optional<Ec2Instance> instance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    /** The instances of the region with these ids, in the order asked; {@code InvalidInstanceID.NotFound} otherwise. */
    public synchronized List<Ec2Instance> instances(String region, Collection<String> instanceIds) {
        List<String> missing = new ArrayList<>();
        List<Ec2Instance> found = new ArrayList<>();
        for (String id : instanceIds) {
            Ec2Instance instance = instances.get(id);
            if (instance == null || !instance.region().equals(region)) {
                missing.add(id);
            } else {
                found.add(instance);
            }
        }
        if (!missing.isEmpty()) {
            throw missing.size() == 1
                    ? new AwsRejection("InvalidInstanceID.NotFound", "The instance ID '" + missing.get(0)
                    + "' does not exist")
                    : new AwsRejection("InvalidInstanceID.NotFound", "The instance IDs '" + String.join(", ", missing)
                    + "' do not exist");
        }
        return found;
    }

    public synchronized List<StateChange> terminate(String region, List<String> instanceIds) {
        List<StateChange> changes = new ArrayList<>();
        for (Ec2Instance instance : instances(region, instanceIds)) {
            Ec2Instance.State before = instance.state();
            if (instance.isLive()) {
                instances.put(instance.instanceId(), instance.withState(Ec2Instance.State.SHUTTING_DOWN));
                scheduleTransition(instance.instanceId(), Ec2Instance.State.SHUTTING_DOWN,
                        Ec2Instance.State.TERMINATED);
            }
            changes.add(new StateChange(instance.instanceId(), before, instances.get(instance.instanceId()).state()));
        }
        return changes;
    }

    public synchronized List<StateChange> stop(String region, List<String> instanceIds) {
        List<Ec2Instance> found = instances(region, instanceIds);
        for (Ec2Instance instance : found) {
            if (!instance.isLive()) {
                throw new AwsRejection("IncorrectInstanceState", "This instance '" + instance.instanceId()
                        + "' is not in a state from which it can be stopped.");
            }
        }
        List<StateChange> changes = new ArrayList<>();
        for (Ec2Instance instance : found) {
            Ec2Instance.State before = instance.state();
            if (before == Ec2Instance.State.PENDING || before == Ec2Instance.State.RUNNING) {
                instances.put(instance.instanceId(), instance.withState(Ec2Instance.State.STOPPING));
                scheduleTransition(instance.instanceId(), Ec2Instance.State.STOPPING, Ec2Instance.State.STOPPED);
            }
            changes.add(new StateChange(instance.instanceId(), before, instances.get(instance.instanceId()).state()));
        }
        return changes;
    }

    public synchronized List<StateChange> start(String region, List<String> instanceIds) {
        List<Ec2Instance> found = instances(region, instanceIds);
        for (Ec2Instance instance : found) {
            if (!instance.isLive() || instance.state() == Ec2Instance.State.STOPPING) {
                throw new AwsRejection("IncorrectInstanceState", "The instance '" + instance.instanceId()
                        + "' is not in a state from which it can be started.");
            }
        }
        List<StateChange> changes = new ArrayList<>();
        for (Ec2Instance instance : found) {
            Ec2Instance.State before = instance.state();
            if (before == Ec2Instance.State.STOPPED) {
                instances.put(instance.instanceId(), instance.withState(Ec2Instance.State.PENDING));
                scheduleTransition(instance.instanceId(), Ec2Instance.State.PENDING, Ec2Instance.State.RUNNING);
            }
            changes.add(new StateChange(instance.instanceId(), before, instances.get(instance.instanceId()).state()));
        }
        return changes;
    }

    /** Changes the type of a stopped instance; {@code IncorrectInstanceState} in any other state. */
    public synchronized Ec2Instance changeInstanceType(String region, String instanceId, String instanceType) {
        Ec2Instance instance = instances(region, List.of(instanceId)).get(0);
        if (instance.state() != Ec2Instance.State.STOPPED) {
            throw new AwsRejection("IncorrectInstanceState", "The instance '" + instanceId
                    + "' is not in the 'stopped' state.");
        }
        Ec2Instance changed = instance.withInstanceType(instanceType);
        instances.put(instanceId, changed);
        return changed;
    }

    private Optional<Reservation> reservation(String reservationId) {
        List<Ec2Instance> members = instances.values().stream()
                .filter(i -> i.reservationId().equals(reservationId)).toList();
        return members.isEmpty() ? Optional.empty()
                : Optional.of(new Reservation(reservationId, members.get(0).region(), members));
    }

    private void scheduleTransition(String instanceId, Ec2Instance.State from, Ec2Instance.State to) {
        long scheduledIn = generation;
        timers.after(transitionDelay.get(), () -> transition(instanceId, from, to, scheduledIn));
    }

    private synchronized void transition(String instanceId, Ec2Instance.State from, Ec2Instance.State to,
                                         long scheduledIn) {
        Ec2Instance instance = instances.get(instanceId);
        if (scheduledIn == generation && instance != null && instance.state() == from) {
            instances.put(instanceId, instance.withState(to));
        }
    }

    private String freePrivateAddress(Ec2Subnet subnet) {
        Set<String> inUse = new HashSet<>();
        instances.values().stream().filter(i -> i.isLive() && i.subnetId().equals(subnet.subnetId()))
                .forEach(i -> inUse.add(i.privateIpAddress()));
        Ipv4Cidr block = Ipv4Cidr.parse(subnet.cidrBlock());
        // EC2 keeps the first four addresses and the last one of every subnet for itself.
        for (long host = 4; host < block.size() - 1; host++) {
            String candidate = block.address(host);
            if (!inUse.contains(candidate)) {
                return candidate;
            }
        }
        throw new AwsRejection("InsufficientFreeAddressesInSubnet", "There are not enough free addresses in subnet '"
                + subnet.subnetId() + "' to satisfy the requested number of instances.");
    }

    /** Public addresses from 198.18.0.0/15 (reserved for tests), never handed out twice before a reset. */
    private String nextPublicAddress() {
        long n = publicAddressesHandedOut++;
        return "198." + (18 + n / 64_000 % 2) + "." + (n / 250 % 256) + "." + (n % 250 + 2);
    }

    // ---- VPCs and subnets --------------------------------------------------------------------------------------

    public synchronized Ec2Vpc createVpc(String region, String cidrBlock, Map<String, String> tags) {
        Ec2Vpc vpc = new Ec2Vpc(AwsIds.of("vpc", nextId++), region, cidrBlock, false, tags);
        vpcs.put(vpc.vpcId(), vpc);
        createGroup(region, "default", "default VPC security group", vpc.vpcId(), Map.of());
        return vpc;
    }

    /** The VPCs of a region; the default VPC appears once something has been launched without a subnet. */
    public synchronized List<Ec2Vpc> vpcs(String region) {
        return vpcs.values().stream().filter(v -> v.region().equals(region)).toList();
    }

    public synchronized List<Ec2Vpc> vpcs() {
        return List.copyOf(vpcs.values());
    }

    public synchronized Ec2Vpc vpcIn(String region, String vpcId) {
        Ec2Vpc vpc = vpcs.get(vpcId);
        if (vpc == null || !vpc.region().equals(region)) {
            throw new AwsRejection("InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
        }
        return vpc;
    }

    /** Deletes an empty VPC (and its default security group); {@code DependencyViolation} while anything is in it. */
    public synchronized void deleteVpc(String region, String vpcId) {
        vpcIn(region, vpcId);
        boolean inUse = subnets.values().stream().anyMatch(s -> s.vpcId().equals(vpcId))
                || gateways.values().stream().anyMatch(g -> vpcId.equals(g.vpcId()))
                || securityGroups.values().stream().anyMatch(g -> g.vpcId().equals(vpcId)
                && !g.groupName().equals("default"));
        if (inUse) {
            throw new AwsRejection("DependencyViolation", "The vpc '" + vpcId
                    + "' has dependencies and cannot be deleted.");
        }
        securityGroups.values().removeIf(g -> g.vpcId().equals(vpcId));
        vpcs.remove(vpcId);
    }

    /**
     * @throws AwsRejection unknown VPC, a block outside the VPC's ({@code InvalidSubnet.Range}) or overlapping another
     *                      subnet ({@code InvalidSubnet.Conflict})
     */
    public synchronized Ec2Subnet createSubnet(String region, String vpcId, String cidrBlock, String availabilityZone,
                                               Map<String, String> tags) {
        Ec2Vpc vpc = vpcIn(region, vpcId);
        Ipv4Cidr block = Ipv4Cidr.parse(cidrBlock);
        if (!Ipv4Cidr.parse(vpc.cidrBlock()).contains(block) || block.prefixLength() > 28) {
            throw new AwsRejection("InvalidSubnet.Range", "The CIDR '" + cidrBlock + "' is invalid.");
        }
        for (Ec2Subnet other : subnets.values()) {
            if (other.vpcId().equals(vpcId) && Ipv4Cidr.parse(other.cidrBlock()).overlaps(block)) {
                throw new AwsRejection("InvalidSubnet.Conflict", "The CIDR '" + cidrBlock
                        + "' conflicts with another subnet");
            }
        }
        Ec2Subnet subnet = new Ec2Subnet(AwsIds.of("subnet", nextId++), region, vpcId, cidrBlock, availabilityZone,
                false, tags);
        subnets.put(subnet.subnetId(), subnet);
        return subnet;
    }

    public synchronized List<Ec2Subnet> subnets(String region) {
        return subnets.values().stream().filter(s -> s.region().equals(region)).toList();
    }

    public synchronized List<Ec2Subnet> subnets() {
        return List.copyOf(subnets.values());
    }

    public synchronized Ec2Subnet subnetIn(String region, String subnetId) {
        Ec2Subnet subnet = subnets.get(subnetId);
        if (subnet == null || !subnet.region().equals(region)) {
            throw new AwsRejection("InvalidSubnetID.NotFound", "The subnet ID '" + subnetId + "' does not exist");
        }
        return subnet;
    }

    public synchronized void deleteSubnet(String region, String subnetId) {
        subnetIn(region, subnetId);
        if (instances.values().stream().anyMatch(i -> i.isLive() && i.subnetId().equals(subnetId))) {
            throw new AwsRejection("DependencyViolation", "The subnet '" + subnetId
                    + "' has dependencies and cannot be deleted.");
        }
        subnets.remove(subnetId);
    }

    private Ec2Subnet defaultSubnet(String region, String zoneLetter) {
        Ec2Vpc vpc = vpcs.values().stream().filter(v -> v.region().equals(region) && v.isDefault()).findFirst()
                .orElseGet(() -> {
                    Ec2Vpc created = new Ec2Vpc(AwsIds.of("vpc", nextId++), region, DEFAULT_VPC_CIDR, true, Map.of());
                    vpcs.put(created.vpcId(), created);
                    createGroup(region, "default", "default VPC security group", created.vpcId(), Map.of());
                    for (int i = 0; i < ZONE_LETTERS.size(); i++) {
                        Ec2Subnet subnet = new Ec2Subnet(AwsIds.of("subnet", nextId++), region, created.vpcId(),
                                "172.31." + (16 * i) + ".0/20", region + ZONE_LETTERS.get(i), true, Map.of());
                        subnets.put(subnet.subnetId(), subnet);
                    }
                    return created;
                });
        return subnets.values().stream()
                .filter(s -> s.vpcId().equals(vpc.vpcId()) && s.availabilityZone().equals(region + zoneLetter))
                .findFirst().orElseThrow();
    }

    // ---- internet gateways ------------------------------------------------------------------------------------

    public synchronized Ec2InternetGateway createInternetGateway(String region, Map<String, String> tags) {
        Ec2InternetGateway gateway = new Ec2InternetGateway(AwsIds.of("igw", nextId++), region, null, tags);
        gateways.put(gateway.internetGatewayId(), gateway);
        return gateway;
    }

    public synchronized List<Ec2InternetGateway> internetGateways(String region) {
        return gateways.values().stream().filter(g -> g.region().equals(region)).toList();
    }

    public synchronized void attachInternetGateway(String region, String gatewayId, String vpcId) {
        Ec2InternetGateway gateway = gatewayIn(region, gatewayId);
        vpcIn(region, vpcId);
        if (gateway.vpcId() != null) {
            throw new AwsRejection("Resource.AlreadyAssociated", "resource " + gatewayId
                    + " is already attached to network " + gateway.vpcId());
        }
        gateways.put(gatewayId, gateway.withVpc(vpcId));
    }

    public synchronized void detachInternetGateway(String region, String gatewayId, String vpcId) {
        Ec2InternetGateway gateway = gatewayIn(region, gatewayId);
        if (!vpcId.equals(gateway.vpcId())) {
            throw new AwsRejection("Gateway.NotAttached", "resource " + gatewayId + " is not attached to network "
                    + vpcId);
        }
        gateways.put(gatewayId, gateway.withVpc(null));
    }

    public synchronized void deleteInternetGateway(String region, String gatewayId) {
        Ec2InternetGateway gateway = gatewayIn(region, gatewayId);
        if (gateway.vpcId() != null) {
            throw new AwsRejection("DependencyViolation", "The internetGateway '" + gatewayId
                    + "' has dependencies and cannot be deleted.");
        }
        gateways.remove(gatewayId);
    }

    private Ec2InternetGateway gatewayIn(String region, String gatewayId) {
        Ec2InternetGateway gateway = gateways.get(gatewayId);
        if (gateway == null || !gateway.region().equals(region)) {
            throw new AwsRejection("InvalidInternetGatewayID.NotFound", "The internetGateway ID '" + gatewayId
                    + "' does not exist");
        }
        return gateway;
    }

    // ---- security groups --------------------------------------------------------------------------------------

    /** {@code InvalidGroup.Duplicate} when the VPC already has a group of that name. */
    public synchronized Ec2SecurityGroup createSecurityGroup(String region, String groupName, String description,
                                                             String vpcId, Map<String, String> tags) {
        String inVpc = vpcId != null ? vpcIn(region, vpcId).vpcId() : defaultSubnet(region, "a").vpcId();
        if (securityGroups.values().stream().anyMatch(g -> g.vpcId().equals(inVpc)
                && g.groupName().equals(groupName))) {
            throw new AwsRejection("InvalidGroup.Duplicate", "The security group '" + groupName
                    + "' already exists for VPC '" + inVpc + "'");
        }
        return createGroup(region, groupName, description, inVpc, tags);
    }

    private Ec2SecurityGroup createGroup(String region, String groupName, String description, String vpcId,
                                         Map<String, String> tags) {
        Ec2SecurityGroup group = new Ec2SecurityGroup(AwsIds.of("sg", nextId++), region, groupName, description,
                vpcId, List.of(), tags);
        securityGroups.put(group.groupId(), group);
        return group;
    }

    public synchronized List<Ec2SecurityGroup> securityGroups(String region) {
        return securityGroups.values().stream().filter(g -> g.region().equals(region)).toList();
    }

    public synchronized List<Ec2SecurityGroup> securityGroups() {
        return List.copyOf(securityGroups.values());
    }

    public synchronized Ec2SecurityGroup groupIn(String region, String groupId) {
        Ec2SecurityGroup group = securityGroups.get(groupId);
        if (group == null || !group.region().equals(region)) {
            throw new AwsRejection("InvalidGroup.NotFound", "The security group '" + groupId + "' does not exist");
        }
        return group;
    }

    /** Adds ingress rules; {@code InvalidPermission.Duplicate} when one already exists. */
    public synchronized void authorizeIngress(String region, String groupId, List<Ec2SecurityGroup.IngressRule> rules) {
        Ec2SecurityGroup group = groupIn(region, groupId);
        for (Ec2SecurityGroup.IngressRule rule : rules) {
            if (group.ingress().contains(rule)) {
                throw new AwsRejection("InvalidPermission.Duplicate", "the specified rule \"peer: "
                        + String.join(",", rule.cidrs()) + ", " + rule.protocol().toUpperCase() + ", from port: "
                        + rule.fromPort() + ", to port: " + rule.toPort() + ", ALLOW\" already exists");
            }
        }
        securityGroups.put(groupId, group.withIngress(rules));
    }

    public synchronized void deleteSecurityGroup(String region, String groupId) {
        Ec2SecurityGroup group = groupIn(region, groupId);
        if (group.groupName().equals("default")) {
            throw new AwsRejection("CannotDelete", "the specified group: \"" + groupId
                    + "\" name: \"default\" cannot be deleted by a user");
        }
        if (instances.values().stream().anyMatch(i -> i.isLive() && i.securityGroupIds().contains(groupId))) {
            throw new AwsRejection("DependencyViolation", "resource " + groupId + " has a dependent object");
        }
        securityGroups.remove(groupId);
    }

    private Ec2SecurityGroup defaultGroupOf(String vpcId) {
        return securityGroups.values().stream()
                .filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals("default")).findFirst().orElseThrow();
    }

    // ---- key pairs --------------------------------------------------------------------------------------------

    /**
     * Keeps a key pair made or imported by the API layer (which holds the key material) under a new id.
     *
     * @throws AwsRejection {@code InvalidKeyPair.Duplicate} when the region has a pair of that name
     */
    public synchronized Ec2KeyPair addKeyPair(String region, String keyName, String keyType, String fingerprint,
                                              String publicKey, Map<String, String> tags, Instant now) {
        Ec2KeyPair keyPair = new Ec2KeyPair(AwsIds.of("key", nextId++), region, keyName, keyType, fingerprint,
                publicKey, now.truncatedTo(ChronoUnit.MILLIS), tags);
        keyPairs.add(keyPair);
        return keyPair;
    }

    /** The key pairs of a region, in creation order. */
    public synchronized List<Ec2KeyPair> keyPairs(String region) {
        return keyPairs.in(region);
    }

    /** Every key pair of every region. */
    public synchronized List<Ec2KeyPair> keyPairs() {
        return keyPairs.all();
    }

    public synchronized Optional<Ec2KeyPair> keyPair(String region, String keyName) {
        return keyPairs.named(region, keyName);
    }

    /** @throws AwsRejection {@code InvalidKeyPair.NotFound} */
    public synchronized Ec2KeyPair keyPairWithId(String region, String keyPairId) {
        return keyPairs.withId(region, keyPairId);
    }

    /** Deletes a key pair; instances launched with it keep running and keep naming it, as on AWS. */
    public synchronized void deleteKeyPair(String keyPairId) {
        keyPairs.remove(keyPairId);
    }

    // ---- tags -------------------------------------------------------------------------------------------------

    /** Adds or overwrites tags on resources of any type, all or none. */
    public synchronized void createTags(String region, List<String> resourceIds, Map<String, String> tags) {
        for (String id : resourceIds) {
            requireTaggable(region, id);
        }
        for (String id : resourceIds) {
            retag(id, Tags.merged(tagsOf(id), tags));
        }
    }

    public synchronized void deleteTags(String region, List<String> resourceIds, List<String> keys) {
        for (String id : resourceIds) {
            requireTaggable(region, id);
        }
        for (String id : resourceIds) {
            retag(id, Tags.without(tagsOf(id), keys));
        }
    }

    /** Every tag of every resource in the region, resource by resource. */
    public synchronized List<ResourceTag> tags(String region) {
        List<ResourceTag> all = new ArrayList<>();
        instances.values().stream().filter(i -> i.region().equals(region))
                .forEach(i -> i.tags().forEach((k, v) -> all.add(new ResourceTag(i.instanceId(), "instance", k, v))));
        vpcs.values().stream().filter(v -> v.region().equals(region))
                .forEach(v -> v.tags().forEach((k, val) -> all.add(new ResourceTag(v.vpcId(), "vpc", k, val))));
        subnets.values().stream().filter(s -> s.region().equals(region))
                .forEach(s -> s.tags().forEach((k, v) -> all.add(new ResourceTag(s.subnetId(), "subnet", k, v))));
        gateways.values().stream().filter(g -> g.region().equals(region)).forEach(g -> g.tags()
                .forEach((k, v) -> all.add(new ResourceTag(g.internetGatewayId(), "internet-gateway", k, v))));
        securityGroups.values().stream().filter(g -> g.region().equals(region)).forEach(g -> g.tags()
                .forEach((k, v) -> all.add(new ResourceTag(g.groupId(), "security-group", k, v))));
        keyPairs.in(region).forEach(p -> p.tags()
                .forEach((k, v) -> all.add(new ResourceTag(p.keyPairId(), "key-pair", k, v))));
        return all;
    }

    private void requireTaggable(String region, String id) {
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
        switch (prefix) {
            case "i" -> instances(region, List.of(id));
            case "vpc" -> vpcIn(region, id);
            case "subnet" -> subnetIn(region, id);
            case "igw" -> gatewayIn(region, id);
            case "sg" -> groupIn(region, id);
            case "key" -> keyPairs.withId(region, id);
            default -> throw new AwsRejection("InvalidID", "The ID '" + id + "' is not valid");
        }
    }

    private Map<String, String> tagsOf(String id) {
        if (instances.containsKey(id)) {
            return instances.get(id).tags();
        }
        if (vpcs.containsKey(id)) {
            return vpcs.get(id).tags();
        }
        if (subnets.containsKey(id)) {
            return subnets.get(id).tags();
        }
        if (gateways.containsKey(id)) {
            return gateways.get(id).tags();
        }
        if (keyPairs.contains(id)) {
            return keyPairs.tagsOf(id);
        }
        return securityGroups.get(id).tags();
    }

    private void retag(String id, Map<String, String> tags) {
        instances.computeIfPresent(id, (key, i) -> i.withTags(tags));
        vpcs.computeIfPresent(id, (key, v) -> v.withTags(tags));
        subnets.computeIfPresent(id, (key, s) -> s.withTags(tags));
        gateways.computeIfPresent(id, (key, g) -> g.withTags(tags));
        securityGroups.computeIfPresent(id, (key, g) -> g.withTags(tags));
        keyPairs.retag(id, tags);
    }

    /** Forgets everything; transitions scheduled before the reset no longer apply. */
    public synchronized void reset() {
        instances.clear();
        vpcs.clear();
        subnets.clear();
        gateways.clear();
        securityGroups.clear();
        clientTokens.clear();
        keyPairs.clear();
        nextId = 1;
        publicAddressesHandedOut = 0;
        generation++;
    }
}
