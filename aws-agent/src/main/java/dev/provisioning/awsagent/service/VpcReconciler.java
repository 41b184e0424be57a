package dev.provisioning.awsagent.service;

import static dev.provisioning.awsagent.client.AwsFailures.call;
import static dev.provisioning.awsagent.client.AwsFailures.run;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.awsagent.client.AwsClients;
import dev.provisioning.contracts.ResourceAddress;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * VPCs ({@code <workspace>/<region>/vpc/<name>}, spec {@code cidr_block}): the VPC plus what a public web tier
 * needs, two subnets in two availability zones, an attached internet gateway and a security group open on 80 and
 * 443. Every part carries the address tag and its {@code prov:part}, so a half-built VPC is completed, not duplicated.
 */
@ApplicationScoped
public class VpcReconciler implements ResourceKindReconciler<VpcNetwork> {

    static final String KIND = "vpc";
    static final String SECURITY_GROUP_NAME = "prov-web";
    static final List<Integer> OPEN_PORTS = List.of(80, 443);
    private static final int SUBNET_COUNT = 2;
    private static final Logger LOG = Logger.getLogger(VpcReconciler.class);

    private final AwsClients clients;
    private final DbSubnetGroups dbSubnetGroups;

    public VpcReconciler(AwsClients clients, DbSubnetGroups dbSubnetGroups) {
        this.clients = clients;
        this.dbSubnetGroups = dbSubnetGroups;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void validate(DesiredResource desired) {
        SubnetPlan.validate(desired.requiredText("cidr_block"));
    }

    @Override
    @WithSpan("observe vpc")
    public Optional<VpcNetwork> observe(ResourceAddress address, String providerRegion) {
        return lookup(address, providerRegion);
    }

    /** The VPC of an address with its parts; what other kinds use to resolve a {@code vpc} reference. */
    public Optional<VpcNetwork> lookup(ResourceAddress address, String region) {
        Ec2Client ec2 = clients.ec2(region);
        List<Vpc> vpcs = call("describe VPCs", () -> ec2.describeVpcs(r -> r.filters(addressFilter(address))).vpcs());
        if (vpcs.isEmpty()) {
            return Optional.empty();
        }
        if (vpcs.size() > 1) {
            LOG.warnf("several VPCs carry one address tag address=%s count=%d", address, vpcs.size());
        }
        Vpc vpc = vpcs.stream().min(Comparator.comparing(Vpc::vpcId)).orElseThrow();
        Filter inVpc = Filter.builder().name("vpc-id").values(vpc.vpcId()).build();
        List<Subnet> subnets = call("describe subnets", () -> ec2.describeSubnets(r -> r.filters(inVpc,
                addressFilter(address))).subnets()).stream()
                .sorted(Comparator.comparing(s -> tag(s.tags(), AwsIdentity.PART_TAG))).toList();
        Optional<SecurityGroup> group = call("describe security groups", () -> ec2.describeSecurityGroups(r -> r
                .filters(inVpc, Filter.builder().name("group-name").values(SECURITY_GROUP_NAME).build()))
                .securityGroups()).stream().findFirst();
        Optional<InternetGateway> gateway = call("describe internet gateways", () -> ec2.describeInternetGateways(r -> r
                .filters(Filter.builder().name("attachment.vpc-id").values(vpc.vpcId()).build())).internetGateways())
                .stream().findFirst();
        return Optional.of(new VpcNetwork(region, vpc, subnets, group, gateway));
    }

    @Override
    @WithSpan("create vpc")
    public VpcNetwork create(DesiredResource desired) {
        Optional<VpcNetwork> existing = lookup(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return complete(existing.get(), desired);
        }
        String cidr = desired.requiredText("cidr_block");
        Ec2Client ec2 = clients.ec2(desired.providerRegion());
        Vpc vpc = call("create VPC", () -> ec2.createVpc(r -> r.cidrBlock(cidr)
                .tagSpecifications(tags(ResourceType.VPC, desired.address(), "vpc"))).vpc());
        LOG.infof("created VPC address=%s vpcId=%s cidr=%s", desired.address(), vpc.vpcId(), cidr);
        return complete(new VpcNetwork(desired.providerRegion(), vpc, List.of(), Optional.empty(), Optional.empty()),
                desired);
    }

    @Override
    public boolean isUpToDate(VpcNetwork observed, DesiredResource desired) {
        return observed.subnets().size() >= SUBNET_COUNT && observed.securityGroup().isPresent()
                && observed.gateway().isPresent();
    }

    @Override
    public VpcNetwork update(VpcNetwork observed, DesiredResource desired) {
        return complete(observed, desired);
    }

    /** Adds whichever parts are missing: subnets, internet gateway, security group with its rules. */
    private VpcNetwork complete(VpcNetwork network, DesiredResource desired) {
        Ec2Client ec2 = clients.ec2(desired.providerRegion());
        String vpcId = network.vpc().vpcId();
        List<Subnet> subnets = new ArrayList<>(network.subnets());
        if (subnets.size() < SUBNET_COUNT) {
            List<String> zones = call("describe availability zones", () -> ec2.describeAvailabilityZones()
                    .availabilityZones()).stream().map(AvailabilityZone::zoneName).sorted().toList();
            List<String> blocks = SubnetPlan.subnetsOf(network.vpc().cidrBlock(), SUBNET_COUNT);
            for (int i = 0; i < SUBNET_COUNT; i++) {
                String part = "subnet-" + (i + 1);
                if (subnets.stream().anyMatch(s -> part.equals(tag(s.tags(), AwsIdentity.PART_TAG)))) {
                    continue;
                }
                String zone = zones.get(i % zones.size());
                String block = blocks.get(i);
                subnets.add(call("create subnet", () -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(block)
                        .availabilityZone(zone).tagSpecifications(tags(ResourceType.SUBNET, desired.address(), part)))
                        .subnet()));
            }
            subnets.sort(Comparator.comparing(s -> tag(s.tags(), AwsIdentity.PART_TAG)));
        }
        Optional<InternetGateway> gateway = network.gateway();
        if (gateway.isEmpty()) {
            InternetGateway created = call("create internet gateway", () -> ec2.createInternetGateway(r -> r
                    .tagSpecifications(tags(ResourceType.INTERNET_GATEWAY, desired.address(), "igw")))
                    .internetGateway());
            run("attach internet gateway", () -> ec2.attachInternetGateway(r -> r
                    .internetGatewayId(created.internetGatewayId()).vpcId(vpcId)));
            gateway = Optional.of(created);
        }
        Optional<SecurityGroup> group = network.securityGroup();
        if (group.isEmpty()) {
            String groupId = call("create security group", () -> ec2.createSecurityGroup(r -> r
                    .groupName(SECURITY_GROUP_NAME).description("HTTP and HTTPS from anywhere").vpcId(vpcId)
                    .tagSpecifications(tags(ResourceType.SECURITY_GROUP, desired.address(), "web-sg"))).groupId());
            run("authorize ingress", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                    .ipPermissions(OPEN_PORTS.stream().map(port -> IpPermission.builder().ipProtocol("tcp")
                            .fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                            .build()).toList())));
            group = call("describe security group", () -> ec2.describeSecurityGroups(r -> r.groupIds(groupId))
                    .securityGroups()).stream().findFirst();
        }
        return new VpcNetwork(network.region(), network.vpc(), subnets, group, gateway);
    }

    @Override
    @WithSpan("delete vpc")
    public void delete(VpcNetwork observed) {
        String region = observed.region();
        Ec2Client ec2 = clients.ec2(region);
        String vpcId = observed.vpc().vpcId();
        // The DB subnet group databases in this VPC shared names its subnets: it goes first.
        String address = tag(observed.vpc().tags(), AwsIdentity.ADDRESS_TAG);
        if (!address.isEmpty()) {
            dbSubnetGroups.deleteFor(ResourceAddress.parse(address), region);
        }
        observed.securityGroup().ifPresent(g -> run("delete security group",
                () -> ec2.deleteSecurityGroup(r -> r.groupId(g.groupId()))));
        for (Subnet subnet : observed.subnets()) {
            run("delete subnet", () -> ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId())));
        }
        observed.gateway().ifPresent(g -> {
            run("detach internet gateway", () -> ec2.detachInternetGateway(r -> r
                    .internetGatewayId(g.internetGatewayId()).vpcId(vpcId)));
            run("delete internet gateway", () -> ec2.deleteInternetGateway(r -> r
                    .internetGatewayId(g.internetGatewayId())));
        });
        run("delete VPC", () -> ec2.deleteVpc(r -> r.vpcId(vpcId)));
    }

    @Override
    public boolean isReady(VpcNetwork observed) {
        return observed.vpc().state() == VpcState.AVAILABLE;
    }

    @Override
    public String status(VpcNetwork observed) {
        return observed.vpc().stateAsString();
    }

    @Override
    public String providerId(VpcNetwork observed) {
        return observed.vpc().vpcId();
    }

    @Override
    public ReadyResource describe(VpcNetwork ready, DesiredResource desired) {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("cidr_block", ready.vpc().cidrBlock());
        addresses.put("subnet_ids", String.join(",", ready.subnetIds()));
        ready.securityGroup().ifPresent(g -> addresses.put("security_group_id", g.groupId()));
        return new ReadyResource(ready.vpc().vpcId(), addresses, null, null);
    }

    static Filter addressFilter(ResourceAddress address) {
        return Filter.builder().name("tag:" + AwsIdentity.ADDRESS_TAG).values(address.toString()).build();
    }

    static String tag(List<Tag> tags, String key) {
        return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst().orElse("");
    }

    private TagSpecification tags(ResourceType type, ResourceAddress address, String part) {
        return TagSpecification.builder().resourceType(type).tags(
                Tag.builder().key(AwsIdentity.ADDRESS_TAG).value(address.toString()).build(),
                Tag.builder().key(AwsIdentity.NAME_TAG).value(address.name() + (part.equals("vpc") ? "" : "-" + part))
                        .build(),
                Tag.builder().key(AwsIdentity.WORKSPACE_TAG).value(address.workspace()).build(),
                Tag.builder().key(AwsIdentity.PART_TAG).value(part).build()).build();
    }
}
