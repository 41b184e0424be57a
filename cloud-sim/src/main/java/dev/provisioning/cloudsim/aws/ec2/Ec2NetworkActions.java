package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.Ec2InternetGateway;
import dev.provisioning.cloudsim.state.Ec2SecurityGroup;
import dev.provisioning.cloudsim.state.Ec2Store;
import dev.provisioning.cloudsim.state.Ec2Subnet;
import dev.provisioning.cloudsim.state.Ec2Vpc;
import dev.provisioning.cloudsim.state.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** VPCs, subnets, internet gateways, security groups and tags. */
final class Ec2NetworkActions {

    private final Ec2Store store;

    Ec2NetworkActions(Ec2Store store) {
        this.store = store;
    }

    SimResponse createVpc(Ec2Call call) {
        String cidr = call.required("CidrBlock");
        Ipv4Cidr block = parseCidr(cidr);
        if (block.prefixLength() < 16 || block.prefixLength() > 28) {
            throw new RejectedAwsRequest(400, "InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
        }
        Ec2Vpc vpc = store.createVpc(call.region(), cidr, call.tagSpecification("vpc"));
        return call.respond("CreateVpc", xml -> Ec2Xml.vpc(xml, "vpc", vpc));
    }

    SimResponse describeVpcs(Ec2Call call) {
        List<String> ids = call.list("VpcId");
        ids.forEach(id -> store.vpcIn(call.region(), id));
        List<Ec2Vpc> vpcs = Ec2Filters.apply(store.vpcs(call.region()).stream()
                .filter(v -> ids.isEmpty() || ids.contains(v.vpcId())).toList(), call.filters(), (v, name) -> {
                    List<String> tags = Ec2Filters.tagValues(v.tags(), name);
                    return tags != null ? tags : switch (name) {
                        case "vpc-id" -> List.of(v.vpcId());
                        case "cidr", "cidr-block-association.cidr-block" -> List.of(v.cidrBlock());
                        case "is-default", "isDefault" -> List.of(String.valueOf(v.isDefault()));
                        case "state" -> List.of("available");
                        case "owner-id" -> List.of(Ec2Xml.ACCOUNT_ID);
                        default -> null;
                    };
                });
        return call.respond("DescribeVpcs", xml -> {
            xml.start("vpcSet");
            vpcs.forEach(v -> Ec2Xml.vpc(xml, "item", v));
            xml.end();
        });
    }

    SimResponse deleteVpc(Ec2Call call) {
        store.deleteVpc(call.region(), call.required("VpcId"));
        return call.respondTrue("DeleteVpc");
    }

    SimResponse createSubnet(Ec2Call call) {
        String vpcId = call.required("VpcId");
        String cidr = call.required("CidrBlock");
        parseCidr(cidr);
        String zone = call.optional("AvailabilityZone").orElse(call.region() + "a");
        if (!zone.startsWith(call.region()) || !Ec2Store.ZONE_LETTERS.contains(zone.substring(call.region().length()))) {
            throw new RejectedAwsRequest(400, "InvalidParameterValue", "Value (" + zone
                    + ") for parameter availabilityZone is invalid. Subnets can currently only be created in the "
                    + "following availability zones: " + call.region() + "a, " + call.region() + "b, "
                    + call.region() + "c.");
        }
        Ec2Subnet subnet = store.createSubnet(call.region(), vpcId, cidr, zone, call.tagSpecification("subnet"));
        return call.respond("CreateSubnet", xml -> Ec2Xml.subnet(xml, "subnet", subnet, 0));
    }

    SimResponse describeSubnets(Ec2Call call) {
        List<String> ids = call.list("SubnetId");
        ids.forEach(id -> store.subnetIn(call.region(), id));
        List<Ec2Subnet> subnets = Ec2Filters.apply(store.subnets(call.region()).stream()
                .filter(s -> ids.isEmpty() || ids.contains(s.subnetId())).toList(), call.filters(), (s, name) -> {
                    List<String> tags = Ec2Filters.tagValues(s.tags(), name);
                    return tags != null ? tags : switch (name) {
                        case "subnet-id" -> List.of(s.subnetId());
                        case "vpc-id" -> List.of(s.vpcId());
                        case "cidr-block", "cidr", "cidrBlock" -> List.of(s.cidrBlock());
                        case "availability-zone", "availabilityZone" -> List.of(s.availabilityZone());
                        case "default-for-az", "defaultForAz" -> List.of(String.valueOf(s.defaultForAz()));
                        case "state" -> List.of("available");
                        default -> null;
                    };
                });
        return call.respond("DescribeSubnets", xml -> {
            xml.start("subnetSet");
            subnets.forEach(s -> Ec2Xml.subnet(xml, "item", s, usedAddresses(s)));
            xml.end();
        });
    }

    SimResponse deleteSubnet(Ec2Call call) {
        store.deleteSubnet(call.region(), call.required("SubnetId"));
        return call.respondTrue("DeleteSubnet");
    }

    SimResponse createInternetGateway(Ec2Call call) {
        Ec2InternetGateway gateway = store.createInternetGateway(call.region(),
                call.tagSpecification("internet-gateway"));
        return call.respond("CreateInternetGateway", xml -> Ec2Xml.internetGateway(xml, "internetGateway", gateway));
    }

    SimResponse describeInternetGateways(Ec2Call call) {
        List<String> ids = call.list("InternetGatewayId");
        List<Ec2InternetGateway> gateways = Ec2Filters.apply(store.internetGateways(call.region()).stream()
                .filter(g -> ids.isEmpty() || ids.contains(g.internetGatewayId())).toList(), call.filters(),
                (g, name) -> {
                    List<String> tags = Ec2Filters.tagValues(g.tags(), name);
                    return tags != null ? tags : switch (name) {
                        case "internet-gateway-id" -> List.of(g.internetGatewayId());
                        case "attachment.vpc-id" -> g.vpcId() == null ? List.of() : List.of(g.vpcId());
                        case "attachment.state" -> g.vpcId() == null ? List.of() : List.of("available");
                        default -> null;
                    };
                });
        return call.respond("DescribeInternetGateways", xml -> {
            xml.start("internetGatewaySet");
            gateways.forEach(g -> Ec2Xml.internetGateway(xml, "item", g));
            xml.end();
        });
    }

    SimResponse attachInternetGateway(Ec2Call call) {
        store.attachInternetGateway(call.region(), call.required("InternetGatewayId"), call.required("VpcId"));
        return call.respondTrue("AttachInternetGateway");
    }

    SimResponse detachInternetGateway(Ec2Call call) {
        store.detachInternetGateway(call.region(), call.required("InternetGatewayId"), call.required("VpcId"));
        return call.respondTrue("DetachInternetGateway");
    }

    SimResponse deleteInternetGateway(Ec2Call call) {
        store.deleteInternetGateway(call.region(), call.required("InternetGatewayId"));
        return call.respondTrue("DeleteInternetGateway");
    }

    SimResponse createSecurityGroup(Ec2Call call) {
        String name = call.required("GroupName");
        String description = call.required("GroupDescription");
        if (name.startsWith("sg-")) {
            throw new RejectedAwsRequest(400, "InvalidParameterValue",
                    "Group names may not be in the format sg-*");
        }
        Ec2SecurityGroup group = store.createSecurityGroup(call.region(), name, description,
                call.optional("VpcId").orElse(null), call.tagSpecification("security-group"));
        return call.respond("CreateSecurityGroup", xml -> {
            xml.element("return", true).element("groupId", group.groupId());
            if (!group.tags().isEmpty()) {
                Ec2Xml.tagSet(xml, group.tags());
            }
        });
    }

    SimResponse authorizeSecurityGroupIngress(Ec2Call call) {
        String groupId = call.optional("GroupId").orElseGet(() -> {
            String name = call.required("GroupName");
            return store.securityGroups(call.region()).stream().filter(g -> g.groupName().equals(name))
                    .findFirst().orElseThrow(() -> new RejectedAwsRequest(400, "InvalidGroup.NotFound",
                            "The security group '" + name + "' does not exist")).groupId();
        });
        List<Ec2SecurityGroup.IngressRule> rules = new ArrayList<>();
        Optional<String> flatProtocol = call.optional("IpProtocol");
        if (flatProtocol.isPresent()) {
            rules.add(rule(flatProtocol.get(), call.optionalInt("FromPort"), call.optionalInt("ToPort"),
                    call.optional("CidrIp").map(List::of).orElse(List.of("0.0.0.0/0"))));
        }
        for (int n = 1; call.optional("IpPermissions." + n + ".IpProtocol").isPresent(); n++) {
            String prefix = "IpPermissions." + n + ".";
            List<String> cidrs = new ArrayList<>();
            for (int m = 1; call.optional(prefix + "IpRanges." + m + ".CidrIp").isPresent(); m++) {
                cidrs.add(call.required(prefix + "IpRanges." + m + ".CidrIp"));
            }
            rules.add(rule(call.required(prefix + "IpProtocol"), call.optionalInt(prefix + "FromPort"),
                    call.optionalInt(prefix + "ToPort"), cidrs));
        }
        if (rules.isEmpty()) {
            throw new RejectedAwsRequest(400, "MissingParameter", "The request must contain the parameter "
                    + "IpPermissions");
        }
        store.authorizeIngress(call.region(), groupId, rules);
        return call.respondTrue("AuthorizeSecurityGroupIngress");
    }

    SimResponse describeSecurityGroups(Ec2Call call) {
        List<String> ids = call.list("GroupId");
        List<String> names = call.list("GroupName");
        ids.forEach(id -> store.groupIn(call.region(), id));
        List<Ec2SecurityGroup> groups = Ec2Filters.apply(store.securityGroups(call.region()).stream()
                .filter(g -> ids.isEmpty() || ids.contains(g.groupId()))
                .filter(g -> names.isEmpty() || names.contains(g.groupName())).toList(), call.filters(),
                (g, name) -> {
                    List<String> tags = Ec2Filters.tagValues(g.tags(), name);
                    return tags != null ? tags : switch (name) {
                        case "group-id" -> List.of(g.groupId());
                        case "group-name" -> List.of(g.groupName());
                        case "vpc-id" -> List.of(g.vpcId());
                        case "description" -> List.of(g.description());
                        default -> null;
                    };
                });
        return call.respond("DescribeSecurityGroups", xml -> {
            xml.start("securityGroupInfo");
            groups.forEach(g -> Ec2Xml.securityGroup(xml, g));
            xml.end();
        });
    }

    SimResponse deleteSecurityGroup(Ec2Call call) {
        String groupId = call.required("GroupId");
        store.deleteSecurityGroup(call.region(), groupId);
        return call.respond("DeleteSecurityGroup", xml -> xml.element("return", true).element("groupId", groupId));
    }

    SimResponse createTags(Ec2Call call) {
        store.createTags(call.region(), requiredList(call, "ResourceId"), call.tags("Tag"));
        return call.respondTrue("CreateTags");
    }

    SimResponse deleteTags(Ec2Call call) {
        List<String> keys = new ArrayList<>(call.tags("Tag").keySet());
        store.deleteTags(call.region(), requiredList(call, "ResourceId"), keys);
        return call.respondTrue("DeleteTags");
    }

    SimResponse describeTags(Ec2Call call) {
        List<Ec2Store.ResourceTag> tags = Ec2Filters.apply(store.tags(call.region()), call.filters(), (t, name) ->
                switch (name) {
                    case "resource-id" -> List.of(t.resourceId());
                    case "resource-type" -> List.of(t.resourceType());
                    case "key" -> List.of(t.key());
                    case "value" -> List.of(t.value());
                    default -> null;
                });
        return call.respond("DescribeTags", xml -> {
            xml.start("tagSet");
            tags.forEach(t -> xml.start("item").element("resourceId", t.resourceId())
                    .element("resourceType", t.resourceType()).element("key", t.key()).element("value", t.value())
                    .end());
            xml.end();
        });
    }

    private int usedAddresses(Ec2Subnet subnet) {
        return (int) store.instances(subnet.region()).stream()
                .filter(i -> i.isLive() && i.subnetId().equals(subnet.subnetId())).count();
    }

    private static Ec2SecurityGroup.IngressRule rule(String protocol, Optional<Integer> from, Optional<Integer> to,
                                                     List<String> cidrs) {
        String normalised = switch (protocol.toLowerCase()) {
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            case "-1", "all" -> "-1";
            default -> throw Ec2Call.invalidValue("IpProtocol", protocol);
        };
        cidrs.forEach(Ec2NetworkActions::parseCidr);
        return new Ec2SecurityGroup.IngressRule(normalised, from.orElse(null), to.orElse(null), cidrs);
    }

    private static List<String> requiredList(Ec2Call call, String prefix) {
        List<String> values = call.list(prefix);
        if (values.isEmpty()) {
            throw new RejectedAwsRequest(400, "MissingParameter", "The request must contain the parameter " + prefix);
        }
        return values;
    }

    private static Ipv4Cidr parseCidr(String cidr) {
        try {
            return Ipv4Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new RejectedAwsRequest(400, "InvalidParameterValue", "Value (" + cidr
                    + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        }
    }
}
