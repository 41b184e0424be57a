package dev.provisioning.cloudsim.aws.elbv2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.fault.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** ELBv2 emulation exercised through the AWS SDK for Java v2, on top of EC2 subnets and instances. */
class ElbSdkTest {

    static CloudSim sim;
    Ec2Client ec2;
    ElasticLoadBalancingV2Client elb;
    String vpcId;
    List<String> subnets;
    String securityGroup;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withEc2BootDelay(Duration.ofMillis(50))
                .withElbProvisionDelay(Duration.ofMillis(150)));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void network() {
        sim.reset();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
        ec2 = Ec2Client.builder().endpointOverride(URI.create(sim.url())).region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(URI.create(sim.url()))
                .region(Region.AP_SOUTHEAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        subnets = List.of(
                ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.0.0/24").availabilityZone("ap-southeast-1a"))
                        .subnet().subnetId(),
                ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.1.0/24").availabilityZone("ap-southeast-1b"))
                        .subnet().subnetId());
        securityGroup = ec2.createSecurityGroup(r -> r.groupName("web").description("web").vpcId(vpcId)).groupId();
    }

    @AfterEach
    void close() {
        ec2.close();
        elb.close();
    }

    LoadBalancer createAlb(String name) {
        return elb.createLoadBalancer(r -> r.name(name).subnets(subnets).securityGroups(securityGroup)
                .scheme("internet-facing").type("application")
                .tags(Tag.builder().key("prov:address").value("ws/asia/alb/" + name).build())).loadBalancers().get(0);
    }

    @Test
    void anAlbBecomesActiveAndRoutesToRegisteredInstances() throws Exception {
        LoadBalancer created = createAlb("web");
        assertEquals(LoadBalancerStateEnum.PROVISIONING, created.state().code());
        assertTrue(created.dnsName().matches("web-\\d+\\.ap-southeast-1\\.elb\\.amazonaws\\.com"), created.dnsName());
        assertTrue(created.loadBalancerArn().startsWith(
                "arn:aws:elasticloadbalancing:ap-southeast-1:000000000000:loadbalancer/app/web/"));
        assertEquals(vpcId, created.vpcId());
        assertEquals(2, created.availabilityZones().size());

        List<String> instances = ec2.runInstances(r -> r.imageId("ami-09d56f8956ab235b7").instanceType("t3.micro")
                .minCount(2).maxCount(2).subnetId(subnets.get(0)).securityGroupIds(securityGroup)).instances()
                .stream().map(i -> i.instanceId()).toList();
        TargetGroup tg = elb.createTargetGroup(r -> r.name("web-tg").protocol(ProtocolEnum.HTTP).port(8080)
                .vpcId(vpcId).healthCheckPath("/healthz")).targetGroups().get(0);
        assertEquals("/healthz", tg.healthCheckPath());
        elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(
                instances.stream().map(id -> TargetDescription.builder().id(id).build()).toList()));
        Listener https = elb.createListener(r -> r.loadBalancerArn(created.loadBalancerArn())
                .protocol(ProtocolEnum.HTTPS).port(443)
                .certificates(Certificate.builder().certificateArn("arn:aws:acm:ap-southeast-1:000000000000:"
                        + "certificate/1234").build())
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(tg.targetGroupArn())
                        .build())).listeners().get(0);
        elb.createListener(r -> r.loadBalancerArn(created.loadBalancerArn()).protocol(ProtocolEnum.HTTP).port(80)
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(tg.targetGroupArn())
                        .build()));
        assertEquals("ELBSecurityPolicy-2016-08", https.sslPolicy());

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        LoadBalancer now = created;
        while (now.state().code() != LoadBalancerStateEnum.ACTIVE && System.nanoTime() < deadline) {
            Thread.sleep(25);
            now = elb.describeLoadBalancers(r -> r.names("web")).loadBalancers().get(0);
        }
        assertEquals(LoadBalancerStateEnum.ACTIVE, now.state().code());
        Thread.sleep(100);

        List<TargetHealthDescription> health = elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                .targetHealthDescriptions();
        assertEquals(instances, health.stream().map(h -> h.target().id()).toList());
        assertTrue(health.stream().allMatch(h -> h.target().port() == 8080));
        assertTrue(health.stream().allMatch(h -> h.targetHealth().stateAsString().equals("healthy")),
                health.toString());
        assertEquals(List.of(created.loadBalancerArn()), elb.describeTargetGroups(r -> r.names("web-tg"))
                .targetGroups().get(0).loadBalancerArns());
        assertEquals(List.of(443, 80), elb.describeListeners(r -> r.loadBalancerArn(created.loadBalancerArn()))
                .listeners().stream().map(Listener::port).toList());
        assertEquals("ws/asia/alb/web", elb.describeTags(r -> r.resourceArns(created.loadBalancerArn()))
                .tagDescriptions().get(0).tags().get(0).value());

        elb.deregisterTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(TargetDescription.builder()
                .id(instances.get(0)).build()));
        assertEquals(1, sim.state().elbTargetGroups().get(0).targets().size());

        assertThrows(ResourceInUseException.class, () -> elb.deleteTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn())));
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(created.loadBalancerArn()));
        assertTrue(sim.state().elbListeners().isEmpty());
        elb.deleteTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn()));
        assertThrows(LoadBalancerNotFoundException.class, () -> elb.describeLoadBalancers(r -> r.names("web")));
    }

    @Test
    void theSameNameWithOtherSettingsIsADuplicateWhileTheSameSettingsAreIdempotent() {
        LoadBalancer first = createAlb("shop");
        assertEquals(first.loadBalancerArn(), createAlb("shop").loadBalancerArn());

        assertThrows(DuplicateLoadBalancerNameException.class, () -> elb.createLoadBalancer(r -> r.name("shop")
                .subnets(subnets).scheme("internal")));
        assertEquals(1, sim.state().elbLoadBalancers().size());
    }

    @Test
    void describeLoadBalancersPaginatesWithNextMarker() {
        for (int i = 0; i < 5; i++) {
            createAlb("lb-" + i);
        }
        var firstPage = elb.describeLoadBalancers(r -> r.pageSize(2));
        assertEquals(2, firstPage.loadBalancers().size());
        assertNotNull(firstPage.nextMarker());

        List<String> names = elb.describeLoadBalancersPaginator(r -> r.pageSize(2)).loadBalancers().stream()
                .map(LoadBalancer::loadBalancerName).toList();
        assertEquals(List.of("lb-0", "lb-1", "lb-2", "lb-3", "lb-4"), names);
        assertNull(elb.describeLoadBalancers(r -> r.pageSize(5)).nextMarker());
    }

    @Test
    void validationErrorsUseElbv2Codes() {
        var oneSubnet = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.createLoadBalancer(r -> r
                .name("lonely").subnets(subnets.get(0))));
        assertEquals("ValidationError", oneSubnet.awsErrorDetails().errorCode());

        LoadBalancer lb = createAlb("web");
        TargetGroup tg = elb.createTargetGroup(r -> r.name("tg").protocol(ProtocolEnum.HTTP).port(80).vpcId(vpcId))
                .targetGroups().get(0);
        var noCertificate = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.createListener(r -> r
                .loadBalancerArn(lb.loadBalancerArn()).protocol(ProtocolEnum.HTTPS).port(443)
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(tg.targetGroupArn())
                        .build())));
        assertEquals("ValidationError", noCertificate.awsErrorDetails().errorCode());

        var unknownTarget = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.registerTargets(r -> r
                .targetGroupArn(tg.targetGroupArn()).targets(TargetDescription.builder().id("i-0123456789abcdef0")
                        .build())));
        assertEquals("InvalidTarget", unknownTarget.awsErrorDetails().errorCode());

        sim.faults().add(new Fault("elasticloadbalancing", null, null, 429, 10, null, null, null, 0));
        var throttled = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.describeLoadBalancers());
        assertEquals("Throttling", throttled.awsErrorDetails().errorCode());
        assertInstanceOf(ElasticLoadBalancingV2Exception.class, throttled);
        assertTrue(throttled.isThrottlingException());
        sim.faults().clear();
    }
}
