package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.runtime.SimTimers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Thread-safe store of the simulated ELBv2 resources: load balancers (with their provisioning transition), target
 * groups with registered targets, listeners, and tags on all of them. Subnets, security groups and instances are
 * checked against the {@link Ec2Store}.
 */
public final class ElbStore {

    /** What a {@code CreateLoadBalancer} call asks for, already checked for shape. */
    public record LoadBalancerDraft(String region, String name, List<String> subnetIds, List<String> securityGroupIds,
                                    String scheme, String type, String ipAddressType, Map<String, String> tags) {
    }

    /** What a {@code CreateTargetGroup} call asks for, already checked for shape. */
    public record TargetGroupDraft(String region, String name, String protocol, int port, String vpcId,
                                   String targetType, ElbTargetGroup.HealthCheck healthCheck,
                                   Map<String, String> tags) {
    }

    private final Ec2Store ec2;
    private final SimTimers timers;
    private final Supplier<Duration> provisioningDelay;
    private final Map<String, ElbLoadBalancer> loadBalancers = new LinkedHashMap<>();
    private final Map<String, ElbTargetGroup> targetGroups = new LinkedHashMap<>();
    private final Map<String, ElbListener> listeners = new LinkedHashMap<>();
    private long nextId = 1;
    private long addressesHandedOut;
    private long generation;

    /**
     * @param provisioningDelay time a new load balancer stays {@code provisioning}, read at each creation
     */
    public ElbStore(Ec2Store ec2, SimTimers timers, Supplier<Duration> provisioningDelay) {
        this.ec2 = ec2;
        this.timers = timers;
        this.provisioningDelay = provisioningDelay;
    }

    // ---- load balancers ---------------------------------------------------------------------------------------

    /**
     * Creates a load balancer, or returns the existing one when one with this name has the same settings (the call
     * is idempotent, as on AWS); {@code DuplicateLoadBalancerName} when its settings differ.
     */
    public synchronized ElbLoadBalancer createLoadBalancer(LoadBalancerDraft draft, Instant now) {
        List<ElbLoadBalancer.Zone> zones = new ArrayList<>();
        String vpcId = null;
        for (String subnetId : draft.subnetIds()) {
            Ec2Subnet subnet;
            try {
                subnet = ec2.subnetIn(draft.region(), subnetId);
            } catch (AwsRejection unknown) {
                throw new AwsRejection("SubnetNotFound", "The subnet ID '" + subnetId + "' is not valid");
            }
            if (vpcId != null && !vpcId.equals(subnet.vpcId())) {
                throw new AwsRejection("InvalidSubnet", "The subnets must all be in the same VPC");
            }
            if (zones.stream().anyMatch(z -> z.zoneName().equals(subnet.availabilityZone()))) {
                throw new AwsRejection("InvalidConfigurationRequest", "A load balancer cannot be attached to "
                        + "multiple subnets in the same Availability Zone");
            }
            vpcId = subnet.vpcId();
            zones.add(new ElbLoadBalancer.Zone(subnet.availabilityZone(), subnetId));
        }
        if ("application".equals(draft.type()) && zones.size() < 2) {
            throw new AwsRejection("ValidationError", "At least two subnets in two different Availability Zones "
                    + "must be specified");
        }
        for (String groupId : draft.securityGroupIds()) {
            try {
                ec2.groupIn(draft.region(), groupId);
            } catch (AwsRejection unknown) {
                throw new AwsRejection("InvalidSecurityGroup", "One or more security groups are invalid");
            }
        }
        Optional<ElbLoadBalancer> sameName = loadBalancers.values().stream()
                .filter(lb -> lb.region().equals(draft.region()) && lb.name().equals(draft.name())).findFirst();
        if (sameName.isPresent()) {
            ElbLoadBalancer existing = sameName.get();
            if (existing.subnetIds().equals(draft.subnetIds()) && existing.scheme().equals(draft.scheme())
                    && existing.type().equals(draft.type())
                    && existing.securityGroupIds().equals(draft.securityGroupIds())) {
                return existing;
            }
            throw new AwsRejection("DuplicateLoadBalancerName", "A load balancer with the same name '"
                    + draft.name() + "' exists, but with different settings");
        }
        long n = nextId++;
        String suffix = AwsIds.hex16(n);
        String kind = "network".equals(draft.type()) ? "net" : "app";
        String arn = "arn:aws:elasticloadbalancing:" + draft.region() + ":" + AwsIds.ACCOUNT_ID + ":loadbalancer/" + kind
                + "/" + draft.name() + "/" + suffix;
        String dnsName = ("internal".equals(draft.scheme()) ? "internal-" : "") + draft.name() + "-"
                + (1_000_000_000L + Long.parseUnsignedLong(suffix.substring(0, 8), 16) % 900_000_000L) + "."
                + draft.region() + ".elb.amazonaws.com";
        ElbLoadBalancer created = new ElbLoadBalancer(arn, draft.name(), draft.region(), dnsName, draft.scheme(),
                draft.type(), draft.ipAddressType(), "provisioning", vpcId, zones, draft.securityGroupIds(),
                now.truncatedTo(ChronoUnit.MILLIS), draft.tags(), nextAddresses(Math.min(2, zones.size())));
        loadBalancers.put(arn, created);
        long scheduledIn = generation;
        timers.after(provisioningDelay.get(), () -> activate(arn, scheduledIn));
        return created;
    }

    /**
     * Public addresses from the top of 198.19.0.0/16 downwards (EC2 instances count up from 198.18.0.2), never handed
     * out twice before a reset.
     */
    private List<String> nextAddresses(int count) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = addressesHandedOut++;
            addresses.add("198.19." + (255 - n / 250 % 256) + "." + (254 - n % 250));
        }
        return addresses;
    }

    /** The load balancer with this DNS name (any case, trailing dot or not), in any region. */
    public synchronized Optional<ElbLoadBalancer> loadBalancerNamed(String dnsName) {
        String wanted = (dnsName.endsWith(".") ? dnsName.substring(0, dnsName.length() - 1) : dnsName)
                .toLowerCase(java.util.Locale.ROOT);
        return loadBalancers.values().stream()
                .filter(lb -> lb.dnsName().toLowerCase(java.util.Locale.ROOT).equals(wanted)).findFirst();
    }

    private synchronized void activate(String arn, long scheduledIn) {
        ElbLoadBalancer lb = loadBalancers.get(arn);
        if (scheduledIn == generation && lb != null && lb.state().equals("provisioning")) {
            loadBalancers.put(arn, lb.withState("active"));
        }
    }

    public synchronized List<ElbLoadBalancer> loadBalancers() {
        return List.copyOf(loadBalancers.values());
    }

    public synchronized List<ElbLoadBalancer> loadBalancers(String region) {
        return loadBalancers.values().stream().filter(lb -> lb.region().equals(region)).toList();
    }

    public synchronized ElbLoadBalancer loadBalancer(String region, String arn) {
        ElbLoadBalancer lb = loadBalancers.get(arn);
        if (lb == null || !lb.region().equals(region)) {
            throw new AwsRejection("LoadBalancerNotFound", "Load balancer '" + arn + "' not found");
        }
        return lb;
    }

    /** Deletes a load balancer and its listeners; no error when it is already gone, as on AWS. */
    public synchronized void deleteLoadBalancer(String region, String arn) {
        ElbLoadBalancer lb = loadBalancers.get(arn);
        if (lb != null && lb.region().equals(region)) {
            listeners.values().removeIf(l -> l.loadBalancerArn().equals(arn));
            loadBalancers.remove(arn);
        }
    }

    // ---- target groups ----------------------------------------------------------------------------------------

    /** Creates a target group, or returns the one of that name with the same settings ({@code DuplicateTargetGroupName} otherwise). */
    public synchronized ElbTargetGroup createTargetGroup(TargetGroupDraft draft) {
        if (draft.vpcId() != null) {
            ec2.vpcIn(draft.region(), draft.vpcId());
        }
        Optional<ElbTargetGroup> sameName = targetGroups.values().stream()
                .filter(tg -> tg.region().equals(draft.region()) && tg.name().equals(draft.name())).findFirst();
        if (sameName.isPresent()) {
            ElbTargetGroup existing = sameName.get();
            if (existing.protocol().equals(draft.protocol()) && existing.port() == draft.port()
                    && java.util.Objects.equals(existing.vpcId(), draft.vpcId())) {
                return existing;
            }
            throw new AwsRejection("DuplicateTargetGroupName", "A target group with the same name '" + draft.name()
                    + "' exists, but with different settings");
        }
        String arn = "arn:aws:elasticloadbalancing:" + draft.region() + ":" + AwsIds.ACCOUNT_ID + ":targetgroup/"
                + draft.name() + "/" + AwsIds.hex16(nextId++);
        ElbTargetGroup created = new ElbTargetGroup(arn, draft.name(), draft.region(), draft.protocol(), draft.port(),
                draft.vpcId(), draft.targetType(), draft.healthCheck(), List.of(), draft.tags());
        targetGroups.put(arn, created);
        return created;
    }

    public synchronized List<ElbTargetGroup> targetGroups() {
        return List.copyOf(targetGroups.values());
    }

    public synchronized List<ElbTargetGroup> targetGroups(String region) {
        return targetGroups.values().stream().filter(tg -> tg.region().equals(region)).toList();
    }

    public synchronized ElbTargetGroup targetGroup(String region, String arn) {
        ElbTargetGroup tg = targetGroups.get(arn);
        if (tg == null || !tg.region().equals(region)) {
            throw new AwsRejection("TargetGroupNotFound", "Target groups '" + arn + "' not found");
        }
        return tg;
    }

    /** The load balancers whose listeners forward to the target group. */
    public synchronized List<String> loadBalancersOf(String targetGroupArn) {
        return listeners.values().stream().filter(l -> l.targetGroupArn().equals(targetGroupArn))
                .map(ElbListener::loadBalancerArn).distinct().toList();
    }

    /** {@code ResourceInUse} while a listener forwards to it. */
    public synchronized void deleteTargetGroup(String region, String arn) {
        ElbTargetGroup tg = targetGroups.get(arn);
        if (tg == null || !tg.region().equals(region)) {
            return;
        }
        if (listeners.values().stream().anyMatch(l -> l.targetGroupArn().equals(arn))) {
            throw new AwsRejection("ResourceInUse", "Target group '" + arn
                    + "' is currently in use by a listener or a rule");
        }
        targetGroups.remove(arn);
    }

    /** Registers instances (each once per port); {@code InvalidTarget} for an instance that is not live in the VPC. */
    public synchronized ElbTargetGroup registerTargets(String region, String arn, List<ElbTargetGroup.Target> added) {
        ElbTargetGroup tg = targetGroup(region, arn);
        List<ElbTargetGroup.Target> targets = new ArrayList<>(tg.targets());
        for (ElbTargetGroup.Target target : added) {
            Optional<Ec2Instance> instance = ec2.instance(target.id()).filter(i -> i.region().equals(region));
            if (instance.isEmpty() || !instance.get().isLive()) {
                throw new AwsRejection("InvalidTarget", "The following targets are not in a running state and "
                        + "cannot be registered: '" + target.id() + "'");
            }
            if (tg.vpcId() != null && !tg.vpcId().equals(instance.get().vpcId())) {
                throw new AwsRejection("InvalidTarget", "The following targets are not in the target group VPC '"
                        + tg.vpcId() + "': '" + target.id() + "'");
            }
            if (!targets.contains(target)) {
                targets.add(target);
            }
        }
        ElbTargetGroup updated = tg.withTargets(targets);
        targetGroups.put(arn, updated);
        return updated;
    }

    public synchronized ElbTargetGroup deregisterTargets(String region, String arn, List<ElbTargetGroup.Target> gone) {
        ElbTargetGroup tg = targetGroup(region, arn);
        List<ElbTargetGroup.Target> targets = new ArrayList<>(tg.targets());
        for (ElbTargetGroup.Target target : gone) {
            boolean removed = target.port() > 0 ? targets.remove(target)
                    : targets.removeIf(t -> t.id().equals(target.id()));
            if (!removed) {
                throw new AwsRejection("InvalidTarget", "The following targets are not registered in target group '"
                        + arn + "': '" + target.id() + "'");
            }
        }
        ElbTargetGroup updated = tg.withTargets(targets);
        targetGroups.put(arn, updated);
        return updated;
    }

    // ---- listeners --------------------------------------------------------------------------------------------

    /** {@code DuplicateListener} when the load balancer already listens on the port. */
    public synchronized ElbListener createListener(String region, String loadBalancerArn, String protocol, int port,
                                                   List<String> certificateArns, String sslPolicy,
                                                   String targetGroupArn, Map<String, String> tags) {
        ElbLoadBalancer lb = loadBalancer(region, loadBalancerArn);
        ElbTargetGroup tg = targetGroup(region, targetGroupArn);
        if (tg.vpcId() != null && !tg.vpcId().equals(lb.vpcId())) {
            throw new AwsRejection("InvalidConfigurationRequest", "The target group '" + targetGroupArn
                    + "' is not in the same VPC as the load balancer");
        }
        Optional<ElbListener> samePort = listeners.values().stream()
                .filter(l -> l.loadBalancerArn().equals(loadBalancerArn) && l.port() == port).findFirst();
        if (samePort.isPresent()) {
            ElbListener existing = samePort.get();
            if (existing.protocol().equals(protocol) && existing.targetGroupArn().equals(targetGroupArn)
                    && existing.certificateArns().equals(certificateArns)) {
                return existing;
            }
            throw new AwsRejection("DuplicateListener", "A listener already exists on this port for this load balancer '"
                    + loadBalancerArn + "'");
        }
        String lbPath = loadBalancerArn.substring(loadBalancerArn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
        String arn = "arn:aws:elasticloadbalancing:" + region + ":" + AwsIds.ACCOUNT_ID + ":listener/" + lbPath + "/"
                + AwsIds.hex16(nextId++);
        ElbListener created = new ElbListener(arn, loadBalancerArn, protocol, port, certificateArns, sslPolicy,
                targetGroupArn, tags);
        listeners.put(arn, created);
        return created;
    }

    public synchronized List<ElbListener> listeners() {
        return List.copyOf(listeners.values());
    }

    public synchronized List<ElbListener> listenersOf(String loadBalancerArn) {
        return listeners.values().stream().filter(l -> l.loadBalancerArn().equals(loadBalancerArn)).toList();
    }

    public synchronized ElbListener listener(String region, String arn) {
        ElbListener listener = listeners.get(arn);
        if (listener == null || !arn.contains(":" + region + ":")) {
            throw new AwsRejection("ListenerNotFound", "One or more listeners not found");
        }
        return listener;
    }

    public synchronized void deleteListener(String region, String arn) {
        listener(region, arn);
        listeners.remove(arn);
    }

    // ---- tags -------------------------------------------------------------------------------------------------

    /** The tags of a load balancer, target group or listener ARN. */
    public synchronized Map<String, String> tagsOf(String region, String arn) {
        if (arn.contains(":loadbalancer/")) {
            return loadBalancer(region, arn).tags();
        }
        if (arn.contains(":targetgroup/")) {
            return targetGroup(region, arn).tags();
        }
        if (arn.contains(":listener/")) {
            return listener(region, arn).tags();
        }
        throw new AwsRejection("ValidationError", "'" + arn + "' is not a valid resource ARN");
    }

    /** Adds or overwrites tags on several resources, all or none. */
    public synchronized void addTags(String region, List<String> arns, Map<String, String> tags) {
        arns.forEach(arn -> tagsOf(region, arn));
        for (String arn : arns) {
            Map<String, String> merged = Tags.merged(tagsOf(region, arn), tags);
            loadBalancers.computeIfPresent(arn, (k, lb) -> lb.withTags(merged));
            targetGroups.computeIfPresent(arn, (k, tg) -> tg.withTags(merged));
            listeners.computeIfPresent(arn, (k, l) -> l.withTags(merged));
        }
    }

    /** Forgets everything; provisioning transitions scheduled before the reset no longer apply. */
    public synchronized void reset() {
        loadBalancers.clear();
        targetGroups.clear();
        listeners.clear();
        nextId = 1;
        addressesHandedOut = 0;
        generation++;
    }
}
