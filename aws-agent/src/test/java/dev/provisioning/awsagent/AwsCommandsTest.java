package dev.provisioning.awsagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.testing.CommandsTestSupport;
import dev.provisioning.cloudsim.state.Ec2Instance;
import dev.provisioning.cloudsim.state.Ec2SecurityGroup;
import dev.provisioning.cloudsim.state.Ec2Subnet;
import dev.provisioning.cloudsim.state.ElbLoadBalancer;
import dev.provisioning.cloudsim.state.ElbTargetGroup;
import dev.provisioning.cloudsim.state.SimState;
import dev.provisioning.contracts.ContextKeys;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EC2 instances, VPCs and ALBs through the whole path: Kafka → agent → AWS SDK → cloud-sim → events on Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class AwsCommandsTest extends CommandsTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(40);
    static final String REGION = "ap-southeast-1";
    static final Map<String, String> CONTEXT = Map.of(ContextKeys.DNS_NAME, "asia.api.example.com");

    AwsCommandsTest() {
        super(Provider.AWS, REGION, CONTEXT, TIMEOUT);
    }

    static ResourceAddress address(String kind, String prefix) {
        return uniqueAddress("asia", kind, prefix);
    }

    static SimState sim() {
        return CloudSimTestResource.sim().state();
    }

    static List<Ec2Instance> instancesOf(ResourceAddress address) {
        return sim().ec2InstancesTagged("prov:address", address.toString());
    }

    static List<Ec2Instance> liveInstancesOf(ResourceAddress address) {
        return instancesOf(address).stream().filter(Ec2Instance::isLive).toList();
    }

    ResourceReady provision(ResourceAddress address, Map<String, Object> spec) {
        return ready(provisionCommand("rollout-aws", address, spec));
    }

    ResourceFailed provisionFails(ResourceAddress address, Map<String, Object> spec) {
        return failed(provisionCommand("rollout-aws", address, spec));
    }

    ResourceDeleted delete(ResourceAddress address) {
        return deleted(deleteCommand("rollout-del", address));
    }

    @Test
    void anInstanceIsReportedReadyWithItsAddressesSizeAndPriceKey() {
        ResourceAddress address = address("ec2-instance", "web");
        ResourceReady ready = provision(address, Map.of("instance_type", "t3.medium"));

        List<Ec2Instance> instances = instancesOf(address);
        assertEquals(1, instances.size());
        Ec2Instance instance = instances.get(0);
        assertEquals(instance.instanceId(), ready.providerId());
        assertEquals(Map.of("ipv4", instance.publicIpAddress(), "ipv4_private", instance.privateIpAddress()),
                ready.addresses());
        assertEquals("t3.medium", ready.size());
        assertEquals("aws:ec2:t3.medium:ap-southeast-1", ready.priceKey());
        assertEquals(REGION, ready.providerRegion());
        assertEquals(CONTEXT, ready.context());
        assertEquals(Ec2Instance.State.RUNNING, instance.state());
        assertEquals(REGION, instance.region());
        assertEquals("ami-09d56f8956ab235b7", instance.imageId());
        assertEquals(address.name(), instance.tags().get("Name"));
        assertEquals("shop.example", instance.tags().get("prov:workspace"));
        assertTrue(instance.clientToken().startsWith("prov-"), instance.clientToken());
    }

    @Test
    void theSameCommandDeliveredTwiceLaunchesOneInstance() {
        ResourceAddress address = address("ec2-instance", "twice");
        ProvisionResource command = provisionCommand("rollout-aws", address, Map.of("instance_type", "t3.micro"));
        send(command);
        send(command);

        List<ResourceReady> readies = readies(address, 2);

        assertEquals(1, instancesOf(address).size());
        assertEquals(readies.get(0).providerId(), readies.get(1).providerId());
    }

    @Test
    void anUnknownInstanceTypeIsAPermanentFailureWithTheAwsCode() {
        ResourceAddress address = address("ec2-instance", "huge");
        ResourceFailed failed = provisionFails(address, Map.of("instance_type", "t3.gigantic"));

        assertEquals("Unsupported", failed.errorCode());
        assertTrue(failed.message().startsWith("The requested configuration is currently not supported"),
                failed.message());
        assertFalse(failed.retryable());
        assertEquals(1, failed.attempts());
        assertTrue(instancesOf(address).isEmpty());
    }

    @Test
    void aSpecWithoutInstanceTypeOrWithABadReferenceIsRejectedBeforeAnyCall() {
        ResourceFailed noType = provisionFails(address("ec2-instance", "notype"), Map.of());
        assertEquals("invalid_spec", noType.errorCode());
        assertTrue(noType.message().startsWith("spec.instance_type is required"), noType.message());

        ResourceFailed wrongKind = provisionFails(address("ec2-instance", "badref"), Map.of("instance_type",
                "t3.micro", "vpc", "shop.example/asia/alb/front"));
        assertEquals("invalid_spec", wrongKind.errorCode());
        assertFalse(wrongKind.retryable());
    }

    @Test
    void injectedOutagesAndThrottlingAreRetriedUntilTheInstanceIsReady() throws Exception {
        ResourceAddress address = address("ec2-instance", "flaky");
        injectFault("{\"provider\":\"ec2\",\"status\":503,\"count\":2}");
        injectFault("{\"provider\":\"ec2\",\"status\":429,\"count\":1}");

        ResourceReady ready = provision(address, Map.of("instance_type", "t3.small"));

        assertTrue(CloudSimTestResource.sim().faults().active().isEmpty(), "every injected fault was served");
        assertEquals(1, instancesOf(address).size());
        assertEquals(instancesOf(address).get(0).instanceId(), ready.providerId());
    }

    @Test
    void aChangedInstanceTypeResizesTheSameInstance() {
        ResourceAddress address = address("ec2-instance", "grow");
        String id = provision(address, Map.of("instance_type", "t3.micro")).providerId();

        ResourceReady resized = provisionAgain("rollout-grow", address, Map.of("instance_type", "t3.large"));

        assertEquals(id, resized.providerId());
        assertEquals("t3.large", resized.size());
        assertEquals("aws:ec2:t3.large:ap-southeast-1", resized.priceKey());
        assertEquals(1, instancesOf(address).size());
        assertEquals("t3.large", instancesOf(address).get(0).instanceType());
    }

    @Test
    void deletingAnInstanceTerminatesItAndItCanBeLaunchedAgain() {
        ResourceAddress address = address("ec2-instance", "gone");
        String first = provision(address, Map.of("instance_type", "t3.micro")).providerId();

        ResourceDeleted deleted = delete(address);
        assertEquals(first, deleted.providerId());
        assertEquals("rollout-del", deleted.rolloutId());
        assertTrue(liveInstancesOf(address).isEmpty());

        String second = provisionAgain("rollout-again", address, Map.of("instance_type", "t3.micro")).providerId();
        assertNotEquals(first, second);
        assertEquals(1, liveInstancesOf(address).size());
        assertNotEquals(instancesOf(address).get(0).clientToken(), instancesOf(address).get(1).clientToken());
    }

    @Test
    void aVpcGetsTwoSubnetsInTwoZonesAGatewayAndAWebSecurityGroup() {
        ResourceAddress address = address("vpc", "net");
        ResourceReady ready = provision(address, Map.of("cidr_block", "10.2.0.0/16"));

        assertTrue(ready.providerId().startsWith("vpc-"), ready.providerId());
        assertEquals("10.2.0.0/16", ready.addresses().get("cidr_block"));
        List<String> subnetIds = Arrays.asList(ready.addresses().get("subnet_ids").split(","));
        assertEquals(2, subnetIds.size());
        List<Ec2Subnet> subnets = sim().ec2Subnets().stream().filter(s -> subnetIds.contains(s.subnetId())).toList();
        assertEquals(List.of("10.2.0.0/24", "10.2.1.0/24"), subnets.stream().map(Ec2Subnet::cidrBlock).toList());
        assertEquals(List.of("ap-southeast-1a", "ap-southeast-1b"),
                subnets.stream().map(Ec2Subnet::availabilityZone).toList());
        Ec2SecurityGroup group = sim().ec2SecurityGroups().stream()
                .filter(g -> g.groupId().equals(ready.addresses().get("security_group_id"))).findFirst().orElseThrow();
        assertEquals(List.of(80, 443), group.ingress().stream().map(Ec2SecurityGroup.IngressRule::fromPort).toList());
        assertEquals(ready.providerId(), group.vpcId());
        assertTrue(CloudSimTestResource.sim().state().ec2Store().internetGateways(REGION).stream()
                .anyMatch(g -> ready.providerId().equals(g.vpcId())));
        assertNull(ready.priceKey());

        ResourceAddress vpcless = address("vpc", "bad");
        ResourceFailed failed = provisionFails(vpcless, Map.of("cidr_block", "10.2.0.1/16"));
        assertEquals("invalid_spec", failed.errorCode());
    }

    @Test
    void anAlbInTheVpcForwardsToTwoInstancesAndEverythingDeletesInReverseOrder() {
        ResourceAddress vpc = address("vpc", "front-net");
        String vpcId = provision(vpc, Map.of("cidr_block", "10.7.0.0/16")).providerId();
        ResourceAddress web1 = address("ec2-instance", "web1");
        ResourceAddress web2 = address("ec2-instance", "web2");
        String id1 = provision(web1, Map.of("instance_type", "t3.micro", "vpc", vpc.toString())).providerId();
        String id2 = provision(web2, Map.of("instance_type", "t3.micro", "vpc", vpc.toString())).providerId();
        assertEquals(vpcId, instancesOf(web1).get(0).vpcId());
        assertTrue(instancesOf(web1).get(0).privateIpAddress().startsWith("10.7."));

        ResourceAddress alb = address("alb", "front");
        ResourceReady ready = provision(alb, Map.of(
                "vpc", vpc.toString(),
                "targets", List.of(web1.toString(), web2.toString()),
                "listeners", List.of(Map.of("protocol", "HTTP", "port", 80),
                        Map.of("protocol", "HTTPS", "port", 443, "certificate_arn",
                                "arn:aws:acm:ap-southeast-1:000000000000:certificate/abc")),
                "health_check", Map.of("path", "/healthz", "port", 8080)));

        ElbLoadBalancer lb = sim().elbLoadBalancers().stream().filter(l -> l.arn().equals(ready.providerId()))
                .findFirst().orElseThrow();
        assertEquals("active", lb.state());
        assertEquals(Map.of("hostname", lb.dnsName()), ready.addresses());
        assertTrue(lb.dnsName().endsWith(".ap-southeast-1.elb.amazonaws.com"), lb.dnsName());
        assertEquals("aws:elbv2:application:ap-southeast-1", ready.priceKey());
        assertEquals(vpcId, lb.vpcId());
        assertEquals(alb.toString(), lb.tags().get("prov:address"));
        ElbTargetGroup group = sim().elbTargetGroups().stream().filter(tg -> tg.name().equals(lb.name()))
                .findFirst().orElseThrow();
        assertEquals(List.of(id1, id2), group.targets().stream().map(ElbTargetGroup.Target::id).toList());
        assertEquals(8080, group.port());
        assertEquals("/healthz", group.healthCheck().path());
        assertEquals(List.of(80, 443), CloudSimTestResource.sim().state().elbStore().listenersOf(lb.arn()).stream()
                .map(l -> l.port()).toList());

        // Redelivered: nothing new, the same load balancer.
        assertEquals(ready.providerId(), provisionAgain("rollout-again", alb, Map.of("vpc", vpc.toString(),
                "targets", List.of(web1.toString(), web2.toString()),
                "listeners", List.of(Map.of("protocol", "HTTP", "port", 80),
                        Map.of("protocol", "HTTPS", "port", 443, "certificate_arn",
                                "arn:aws:acm:ap-southeast-1:000000000000:certificate/abc")),
                "health_check", Map.of("path", "/healthz", "port", 8080))).providerId());
        assertEquals(1, sim().elbLoadBalancers().stream().filter(l -> l.name().equals(lb.name())).count());

        assertEquals(lb.arn(), delete(alb).providerId());
        assertTrue(sim().elbLoadBalancers().stream().noneMatch(l -> l.arn().equals(lb.arn())));
        assertTrue(sim().elbTargetGroups().stream().noneMatch(tg -> tg.name().equals(lb.name())));
        delete(web1);
        delete(web2);
        assertEquals(vpcId, delete(vpc).providerId());
        assertTrue(sim().ec2Vpcs().stream().noneMatch(v -> v.vpcId().equals(vpcId)));
        assertTrue(sim().ec2Subnets().stream().noneMatch(s -> s.vpcId().equals(vpcId)));
    }

    @Test
    void anAlbWhoseVpcDoesNotExistFailsRetryably() {
        ResourceFailed failed = provisionFails(address("alb", "orphan"), Map.of("vpc",
                "shop.example/asia/vpc/never-made"));
        assertEquals("dependency_not_found", failed.errorCode());
        assertTrue(failed.retryable());
    }

    /** Sends a second command for the address and returns the ResourceReady of its rollout. */
    ResourceReady provisionAgain(String rolloutId, ResourceAddress address, Map<String, Object> spec) {
        send(provisionCommand(rolloutId, address, spec));
        return readies(address, 2).stream().filter(r -> r.rolloutId().equals(rolloutId)).findFirst().orElseThrow();
    }
}
