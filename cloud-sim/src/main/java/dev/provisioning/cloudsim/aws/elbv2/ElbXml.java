package dev.provisioning.cloudsim.aws.elbv2;

import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.ElbListener;
import dev.provisioning.cloudsim.state.ElbLoadBalancer;
import dev.provisioning.cloudsim.state.ElbTargetGroup;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** ELBv2 resources as the query protocol writes them: UpperCamel names, lists of {@code <member>}. */
final class ElbXml {

    private ElbXml() {
    }

    static void loadBalancer(XmlWriter xml, ElbLoadBalancer lb) {
        xml.start("member")
                .element("LoadBalancerArn", lb.arn())
                .element("DNSName", lb.dnsName())
                .element("CanonicalHostedZoneId", lb.canonicalHostedZoneId())
                .element("CreatedTime", DateTimeFormatter.ISO_INSTANT.format(lb.createdTime()))
                .element("LoadBalancerName", lb.name())
                .element("Scheme", lb.scheme())
                .element("VpcId", lb.vpcId())
                .start("State").element("Code", lb.state()).end()
                .element("Type", lb.type())
                .start("AvailabilityZones");
        lb.availabilityZones().forEach(z -> xml.start("member").element("ZoneName", z.zoneName())
                .element("SubnetId", z.subnetId()).start("LoadBalancerAddresses").end().end());
        xml.end();
        members(xml, "SecurityGroups", lb.securityGroupIds());
        xml.element("IpAddressType", lb.ipAddressType()).end();
    }

    static void targetGroup(XmlWriter xml, ElbTargetGroup tg, List<String> loadBalancerArns) {
        ElbTargetGroup.HealthCheck hc = tg.healthCheck();
        xml.start("member")
                .element("TargetGroupArn", tg.arn())
                .element("TargetGroupName", tg.name())
                .element("Protocol", tg.protocol())
                .element("Port", tg.port())
                .optional("VpcId", tg.vpcId())
                .element("HealthCheckProtocol", hc.protocol())
                .element("HealthCheckPort", hc.port())
                .element("HealthCheckEnabled", true)
                .element("HealthCheckIntervalSeconds", hc.intervalSeconds())
                .element("HealthCheckTimeoutSeconds", hc.timeoutSeconds())
                .element("HealthyThresholdCount", hc.healthyThreshold())
                .element("UnhealthyThresholdCount", hc.unhealthyThreshold())
                .optional("HealthCheckPath", hc.path())
                .start("Matcher").element("HttpCode", hc.matcher()).end();
        members(xml, "LoadBalancerArns", loadBalancerArns);
        xml.element("TargetType", tg.targetType())
                .element("ProtocolVersion", "HTTP1")
                .element("IpAddressType", "ipv4")
                .end();
    }

    static void listener(XmlWriter xml, ElbListener listener) {
        xml.start("member")
                .element("ListenerArn", listener.arn())
                .element("LoadBalancerArn", listener.loadBalancerArn())
                .element("Port", listener.port())
                .element("Protocol", listener.protocol());
        if (!listener.certificateArns().isEmpty()) {
            xml.start("Certificates");
            listener.certificateArns().forEach(arn -> xml.start("member").element("CertificateArn", arn).end());
            xml.end();
        }
        xml.optional("SslPolicy", listener.sslPolicy())
                .start("DefaultActions").start("member")
                .element("Type", "forward")
                .element("TargetGroupArn", listener.targetGroupArn())
                .element("Order", 1)
                .end().end()
                .end();
    }

    static void members(XmlWriter xml, String name, List<String> values) {
        xml.start(name);
        values.forEach(value -> xml.element("member", value));
        xml.end();
    }
}
