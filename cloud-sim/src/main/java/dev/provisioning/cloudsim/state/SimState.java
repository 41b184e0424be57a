package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.runtime.LiveConfig;
import dev.provisioning.cloudsim.runtime.SimTimers;
import java.util.List;
import java.util.Optional;

/** Everything the simulator holds, readable from tests; each store is thread-safe on its own. */
public final class SimState {

    private final DropletStore droplets;
    private final HostedZoneStore hostedZones;
    private final DigitalOceanVpcStore digitalOceanVpcs = new DigitalOceanVpcStore();
    private final DigitalOceanLoadBalancerStore digitalOceanLoadBalancers;
    private final DigitalOceanCertificateStore digitalOceanCertificates = new DigitalOceanCertificateStore();
    private final DigitalOceanDatabaseStore digitalOceanDatabases;
    private final HetznerStore hetzner;
    private final HealthCheckStore healthChecks;
    private final Ec2Store ec2;
    private final ElbStore elb;
    private final RdsStore rds;

    public SimState(SimTimers timers, LiveConfig config) {
        this.digitalOceanLoadBalancers = new DigitalOceanLoadBalancerStore(timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.loadBalancerDelay());
        });
        this.digitalOceanDatabases = new DigitalOceanDatabaseStore(timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.databaseDelay());
        });
        this.droplets = new DropletStore(timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.dropletBootDelay());
        });
        this.hetzner = new HetznerStore(timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.serverBootDelay());
        });
        this.hostedZones = new HostedZoneStore(timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.dnsChangeDelay());
        });
        this.healthChecks = new HealthCheckStore(nominal -> config.current().scaled(nominal));
        this.ec2 = new Ec2Store(timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.ec2BootDelay());
        });
        this.elb = new ElbStore(ec2, timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.elbProvisionDelay());
        });
        this.rds = new RdsStore(ec2, timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.rdsDelay());
        });
    }

    public DropletStore dropletStore() {
        return droplets;
    }

    public HostedZoneStore hostedZoneStore() {
        return hostedZones;
    }

    /** Hetzner Cloud servers, networks, load balancers, volumes and actions. */
    public HetznerStore hetznerStore() {
        return hetzner;
    }

    /** Every Hetzner server, ordered by id. */
    public List<HetznerServer> hetznerServers() {
        return hetzner.servers();
    }

    /** Hetzner servers carrying the label with exactly this value. */
    public List<HetznerServer> hetznerServersLabelled(String key, String value) {
        return hetzner.servers().stream().filter(s -> value.equals(s.labels().get(key))).toList();
    }

    /** Every Hetzner network, ordered by id. */
    public List<HetznerNetwork> hetznerNetworks() {
        return hetzner.networks();
    }

    /** Every Hetzner load balancer, ordered by id. */
    public List<HetznerLoadBalancer> hetznerLoadBalancers() {
        return hetzner.loadBalancers();
    }

    /** Every Hetzner volume, ordered by id. */
    public List<HetznerVolume> hetznerVolumes() {
        return hetzner.volumes();
    }

    /** Route53 health checks and the simulated health of their endpoints. */
    public HealthCheckStore healthCheckStore() {
        return healthChecks;
    }

    /** Every Route53 health check, in creation order. */
    public List<HealthCheck> healthChecks() {
        return healthChecks.list();
    }

    public DigitalOceanVpcStore digitalOceanVpcStore() {
        return digitalOceanVpcs;
    }

    public DigitalOceanLoadBalancerStore digitalOceanLoadBalancerStore() {
        return digitalOceanLoadBalancers;
    }

    public DigitalOceanCertificateStore digitalOceanCertificateStore() {
        return digitalOceanCertificates;
    }

    public DigitalOceanDatabaseStore digitalOceanDatabaseStore() {
        return digitalOceanDatabases;
    }

    /** Every DigitalOcean database cluster, in creation order. */
    public List<DigitalOceanDatabase> digitalOceanDatabases() {
        return digitalOceanDatabases.list();
    }

    /** DigitalOcean database clusters carrying the tag. */
    public List<DigitalOceanDatabase> digitalOceanDatabasesTagged(String tag) {
        return digitalOceanDatabases.list().stream().filter(db -> db.hasTag(tag)).toList();
    }

    /** Every read-only replica of every DigitalOcean database cluster, in creation order. */
    public List<DigitalOceanDatabaseReplica> digitalOceanDatabaseReplicas() {
        return digitalOceanDatabases.allReplicas();
    }

    /** DigitalOcean VPCs created through the API, in creation order (region default VPCs are not listed). */
    public List<DigitalOceanVpc> digitalOceanVpcs() {
        return digitalOceanVpcs.list();
    }

    /** Every DigitalOcean load balancer, in creation order. */
    public List<DigitalOceanLoadBalancer> digitalOceanLoadBalancers() {
        return digitalOceanLoadBalancers.list();
    }

    /** DigitalOcean load balancers with the given name. */
    public List<DigitalOceanLoadBalancer> digitalOceanLoadBalancersNamed(String name) {
        return digitalOceanLoadBalancers.list().stream().filter(lb -> lb.name().equals(name)).toList();
    }

    /** Every droplet, ordered by id. */
    public List<Droplet> droplets() {
        return droplets.list();
    }

    public Optional<Droplet> droplet(int id) {
        return droplets.find(id);
    }

    public List<Droplet> dropletsTagged(String tag) {
        return droplets.list().stream().filter(d -> d.hasTag(tag)).toList();
    }

    /** Every hosted zone, ordered by id. */
    public List<HostedZone> hostedZones() {
        return hostedZones.zones();
    }

    /** A zone by id, given bare ({@code Z…}) or as the API shows it ({@code /hostedzone/Z…}). */
    public Optional<HostedZone> hostedZone(String zoneId) {
        return hostedZones.zone(bareZoneId(zoneId));
    }

    /** Zones with the given name, in any case, with or without the trailing dot. */
    public List<HostedZone> hostedZonesNamed(String name) {
        String canonical = DnsNames.canonical(name);
        return hostedZones.zones().stream().filter(z -> z.name().equals(canonical)).toList();
    }

    /** Record sets of a zone in Route53 listing order; empty for an unknown zone. */
    public List<ResourceRecordSet> records(String zoneId) {
        try {
            return hostedZones.records(bareZoneId(zoneId));
        } catch (StoreRejection unknownZone) {
            return List.of();
        }
    }

    /** Record sets of a zone with the given name and type (several when routing policies are used). */
    public List<ResourceRecordSet> records(String zoneId, String name, String type) {
        String canonical = DnsNames.canonical(name);
        return records(zoneId).stream()
                .filter(r -> r.name().equals(canonical) && r.type().equalsIgnoreCase(type))
                .toList();
    }

    /** EC2 instances, VPCs, subnets, internet gateways, security groups. */
    public Ec2Store ec2Store() {
        return ec2;
    }

    /** ELBv2 load balancers, target groups and listeners. */
    public ElbStore elbStore() {
        return elb;
    }

    /** Every EC2 instance of every region, terminated ones included, in launch order. */
    public List<Ec2Instance> ec2Instances() {
        return ec2.instances();
    }

    public Optional<Ec2Instance> ec2Instance(String instanceId) {
        return ec2.instance(instanceId);
    }

    /** EC2 instances carrying the tag with exactly this value, terminated ones included. */
    public List<Ec2Instance> ec2InstancesTagged(String key, String value) {
        return ec2.instances().stream().filter(i -> value.equals(i.tags().get(key))).toList();
    }

    public List<Ec2Vpc> ec2Vpcs() {
        return ec2.vpcs();
    }

    public List<Ec2Subnet> ec2Subnets() {
        return ec2.subnets();
    }

    public List<Ec2SecurityGroup> ec2SecurityGroups() {
        return ec2.securityGroups();
    }

    public List<ElbLoadBalancer> elbLoadBalancers() {
        return elb.loadBalancers();
    }

    public List<ElbTargetGroup> elbTargetGroups() {
        return elb.targetGroups();
    }

    public List<ElbListener> elbListeners() {
        return elb.listeners();
    }

    /** RDS DB instances, read replicas and DB subnet groups; also where the RDS delay is changed at runtime. */
    public RdsStore rdsStore() {
        return rds;
    }

    /** Every RDS DB instance of every region (being deleted included), by region and identifier. */
    public List<RdsInstance> rdsInstances() {
        return rds.instances();
    }

    /** RDS DB instances carrying the tag with exactly this value. */
    public List<RdsInstance> rdsInstancesTagged(String key, String value) {
        return rds.instances().stream().filter(i -> value.equals(i.tags().get(key))).toList();
    }

    /** Every DB subnet group of every region. */
    public List<RdsSubnetGroup> rdsSubnetGroups() {
        return rds.subnetGroups();
    }

    /** Forgets every resource of every provider. */
    public void reset() {
        droplets.reset();
        hostedZones.reset();
        digitalOceanVpcs.reset();
        digitalOceanLoadBalancers.reset();
        digitalOceanCertificates.reset();
        digitalOceanDatabases.reset();
        hetzner.reset();
        healthChecks.reset();
        rds.reset();
        elb.reset();
        ec2.reset();
    }

    private static String bareZoneId(String zoneId) {
        String bare = zoneId.startsWith("/") ? zoneId.substring(1) : zoneId;
        return bare.startsWith("hostedzone/") ? bare.substring("hostedzone/".length()) : bare;
    }
}
