package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.Ec2Instance;
import dev.provisioning.cloudsim.state.Ec2InternetGateway;
import dev.provisioning.cloudsim.state.Ec2SecurityGroup;
import dev.provisioning.cloudsim.state.Ec2Store;
import dev.provisioning.cloudsim.state.Ec2Subnet;
import dev.provisioning.cloudsim.state.Ec2Vpc;
import dev.provisioning.cloudsim.state.Ipv4Cidr;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

/** EC2 resources as the EC2 protocol writes them: lowerCamel names, lists of {@code <item>}. */
final class Ec2Xml {

    static final String ACCOUNT_ID = "000000000000";

    private Ec2Xml() {
    }

    static void tagSet(XmlWriter xml, Map<String, String> tags) {
        xml.start("tagSet");
        tags.forEach((key, value) -> xml.start("item").element("key", key).element("value", value).end());
        xml.end();
    }

    static void instance(XmlWriter xml, Ec2Instance i, Function<String, String> groupName) {
        boolean live = i.isLive();
        xml.start("item")
                .element("instanceId", i.instanceId())
                .element("imageId", i.imageId())
                .start("instanceState").element("code", i.state().code()).element("name", i.state().apiName()).end()
                .element("privateDnsName", live ? "ip-" + i.privateIpAddress().replace('.', '-') + "."
                        + i.region() + ".compute.internal" : "")
                .element("dnsName", i.publicIpAddress() == null ? "" : "ec2-" + i.publicIpAddress().replace('.', '-')
                        + "." + i.region() + ".compute.amazonaws.com")
                .element("reason", live ? "" : "User initiated")
                .optional("keyName", i.keyName())
                .element("amiLaunchIndex", i.launchIndex())
                .start("productCodes").end()
                .element("instanceType", i.instanceType())
                .element("launchTime", DateTimeFormatter.ISO_INSTANT.format(i.launchTime()))
                .start("placement").element("availabilityZone", i.availabilityZone()).element("groupName", "")
                .element("tenancy", "default").end()
                .start("monitoring").element("state", "disabled").end();
        if (live) {
            xml.element("subnetId", i.subnetId()).element("vpcId", i.vpcId())
                    .element("privateIpAddress", i.privateIpAddress());
        }
        xml.optional("ipAddress", i.publicIpAddress());
        xml.element("sourceDestCheck", true);
        xml.start("groupSet");
        for (String groupId : i.securityGroupIds()) {
            xml.start("item").element("groupId", groupId).element("groupName", groupName.apply(groupId)).end();
        }
        xml.end();
        if (!live) {
            xml.start("stateReason").element("code", "Client.UserInitiatedShutdown")
                    .element("message", "Client.UserInitiatedShutdown: User initiated shutdown").end();
        }
        xml.element("architecture", "x86_64")
                .element("rootDeviceType", "ebs")
                .element("rootDeviceName", "/dev/sda1")
                .start("blockDeviceMapping").end()
                .element("virtualizationType", "hvm")
                .optional("clientToken", i.clientToken());
        tagSet(xml, i.tags());
        xml.element("hypervisor", "xen")
                .element("ebsOptimized", false)
                .element("enaSupport", true)
                .element("platformDetails", "Linux/UNIX")
                .end();
    }

    static void stateChange(XmlWriter xml, Ec2Store.StateChange change) {
        xml.start("item").element("instanceId", change.instanceId())
                .start("currentState").element("code", change.current().code())
                .element("name", change.current().apiName()).end()
                .start("previousState").element("code", change.previous().code())
                .element("name", change.previous().apiName()).end()
                .end();
    }

    /** A VPC as {@code element}: {@code item} in lists, {@code vpc} in CreateVpc's answer. */
    static void vpc(XmlWriter xml, String element, Ec2Vpc vpc) {
        xml.start(element)
                .element("vpcId", vpc.vpcId())
                .element("ownerId", ACCOUNT_ID)
                .element("state", "available")
                .element("cidrBlock", vpc.cidrBlock())
                .start("cidrBlockAssociationSet").start("item")
                .element("cidrBlock", vpc.cidrBlock())
                .element("associationId", "vpc-cidr-assoc-" + vpc.vpcId().substring(4))
                .start("cidrBlockState").element("state", "associated").end()
                .end().end()
                .element("dhcpOptionsId", "dopt-0" + vpc.vpcId().substring(5))
                .element("instanceTenancy", "default")
                .element("isDefault", vpc.isDefault());
        tagSet(xml, vpc.tags());
        xml.end();
    }

    static void subnet(XmlWriter xml, String element, Ec2Subnet subnet, int usedAddresses) {
        Ipv4Cidr block = Ipv4Cidr.parse(subnet.cidrBlock());
        int zoneIndex = Ec2Store.ZONE_LETTERS.indexOf(subnet.availabilityZone()
                .substring(subnet.availabilityZone().length() - 1));
        xml.start(element)
                .element("subnetId", subnet.subnetId())
                .element("subnetArn", "arn:aws:ec2:" + subnet.region() + ":" + ACCOUNT_ID + ":subnet/"
                        + subnet.subnetId())
                .element("state", "available")
                .element("ownerId", ACCOUNT_ID)
                .element("vpcId", subnet.vpcId())
                .element("cidrBlock", subnet.cidrBlock())
                .element("availableIpAddressCount", block.size() - 5 - usedAddresses)
                .element("availabilityZone", subnet.availabilityZone())
                .element("availabilityZoneId", Ec2Catalog.zoneId(subnet.region(), Math.max(0, zoneIndex)))
                .element("defaultForAz", subnet.defaultForAz())
                .element("mapPublicIpOnLaunch", subnet.defaultForAz());
        tagSet(xml, subnet.tags());
        xml.end();
    }

    static void internetGateway(XmlWriter xml, String element, Ec2InternetGateway gateway) {
        xml.start(element)
                .element("internetGatewayId", gateway.internetGatewayId())
                .element("ownerId", ACCOUNT_ID)
                .start("attachmentSet");
        if (gateway.vpcId() != null) {
            xml.start("item").element("vpcId", gateway.vpcId()).element("state", "available").end();
        }
        xml.end();
        tagSet(xml, gateway.tags());
        xml.end();
    }

    static void securityGroup(XmlWriter xml, Ec2SecurityGroup group) {
        xml.start("item")
                .element("ownerId", ACCOUNT_ID)
                .element("groupId", group.groupId())
                .element("groupName", group.groupName())
                .element("groupDescription", group.description())
                .element("vpcId", group.vpcId())
                .start("ipPermissions");
        for (Ec2SecurityGroup.IngressRule rule : group.ingress()) {
            xml.start("item").element("ipProtocol", rule.protocol())
                    .optional("fromPort", rule.fromPort()).optional("toPort", rule.toPort())
                    .start("groups").end()
                    .start("ipRanges");
            rule.cidrs().forEach(cidr -> xml.start("item").element("cidrIp", cidr).end());
            xml.end().start("ipv6Ranges").end().start("prefixListIds").end().end();
        }
        xml.end()
                .start("ipPermissionsEgress").start("item").element("ipProtocol", "-1").start("groups").end()
                .start("ipRanges").start("item").element("cidrIp", "0.0.0.0/0").end().end()
                .start("ipv6Ranges").end().start("prefixListIds").end().end().end();
        tagSet(xml, group.tags());
        xml.end();
    }
}
