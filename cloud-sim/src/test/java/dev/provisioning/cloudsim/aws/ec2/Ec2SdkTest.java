package dev.provisioning.cloudsim.aws.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.state.Ec2Instance;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** EC2 emulation exercised through the AWS SDK for Java v2. */
class Ec2SdkTest {

    static final String AMI = "ami-09d56f8956ab235b7";

    static CloudSim sim;
    Ec2Client ec2;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withEc2BootDelay(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void client() {
        sim.reset();
        ec2 = client(sim, Region.AP_SOUTHEAST_1);
    }

    @AfterEach
    void closeClient() {
        ec2.close();
    }

    static Ec2Client client(CloudSim sim, Region region) {
        return Ec2Client.builder()
                .endpointOverride(URI.create(sim.url()))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    static TagSpecification instanceTags(String... keyValues) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.add(Tag.builder().key(keyValues[i]).value(keyValues[i + 1]).build());
        }
        return TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags).build();
    }

    RunInstancesResponse run(String type, String token, TagSpecification tags) {
        RunInstancesRequest.Builder request = RunInstancesRequest.builder().imageId(AMI).instanceType(type)
                .minCount(1).maxCount(1).clientToken(token);
        return ec2.runInstances((tags == null ? request : request.tagSpecifications(tags)).build());
    }

    Instance describe(String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
    }

    static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            value = read.get();
        }
        return value;
    }

    @Test
    void runDescribeAndTerminateWalkThroughTheStates() throws Exception {
        RunInstancesResponse run = run("t3.medium", null, instanceTags("Name", "web-1", "team", "shop"));

        Instance launched = run.instances().get(0);
        assertTrue(launched.instanceId().matches("i-0[0-9a-f]{16}"), launched.instanceId());
        assertEquals(InstanceStateName.PENDING, launched.state().name());
        assertEquals(0, launched.state().code());
        assertEquals("t3.medium", launched.instanceTypeAsString());
        assertEquals(AMI, launched.imageId());
        assertEquals("ap-southeast-1a", launched.placement().availabilityZone());
        assertNotNull(launched.privateIpAddress());
        assertNotNull(launched.publicIpAddress());
        assertEquals("000000000000", run.ownerId());

        Instance running = eventually(() -> describe(launched.instanceId()),
                i -> i.state().name() == InstanceStateName.RUNNING);
        assertEquals(16, running.state().code());
        assertEquals("web-1", running.tags().stream().filter(t -> t.key().equals("Name")).findFirst()
                .orElseThrow().value());
        assertTrue(running.privateIpAddress().startsWith("172.31."), running.privateIpAddress());
        assertEquals(1, running.securityGroups().size());
        assertEquals("default", running.securityGroups().get(0).groupName());

        var terminated = ec2.terminateInstances(r -> r.instanceIds(launched.instanceId())).terminatingInstances();
        assertEquals(InstanceStateName.SHUTTING_DOWN, terminated.get(0).currentState().name());
        assertEquals(InstanceStateName.RUNNING, terminated.get(0).previousState().name());
        Instance gone = eventually(() -> describe(launched.instanceId()),
                i -> i.state().name() == InstanceStateName.TERMINATED);
        assertEquals(48, gone.state().code());
        assertNull(gone.publicIpAddress());
    }

    @Test
    void theSameClientTokenReturnsTheSameReservationAndADifferentRequestIsRefused() {
        RunInstancesResponse first = run("t3.micro", "token-web-1", instanceTags("prov:address", "a"));
        RunInstancesResponse again = run("t3.micro", "token-web-1", instanceTags("prov:address", "a"));

        assertEquals(first.reservationId(), again.reservationId());
        assertEquals(first.instances().get(0).instanceId(), again.instances().get(0).instanceId());
        assertEquals(1, sim.state().ec2Instances().size());

        Ec2Exception mismatch = assertThrows(Ec2Exception.class, () -> run("t3.large", "token-web-1", null));
        assertEquals("IdempotentParameterMismatch", mismatch.awsErrorDetails().errorCode());
        assertEquals(400, mismatch.statusCode());

        RunInstancesResponse otherToken = run("t3.micro", "token-web-2", null);
        assertNotEquals(first.reservationId(), otherToken.reservationId());
        List<Instance> byToken = ec2.describeInstances(r -> r.filters(Filter.builder().name("client-token")
                .values("token-web-1").build())).reservations().stream().flatMap(r -> r.instances().stream()).toList();
        assertEquals(List.of(first.instances().get(0).instanceId()), byToken.stream().map(Instance::instanceId).toList());
    }

    @Test
    void filtersByTagTagKeyAndStateAndStaysWithinTheRegion() throws Exception {
        String web = run("t3.micro", null, instanceTags("prov:address", "ws/us/ec2-instance/web", "role", "web"))
                .instances().get(0).instanceId();
        String db = run("t3.micro", null, instanceTags("prov:address", "ws/us/ec2-instance/db")).instances().get(0)
                .instanceId();
        try (Ec2Client frankfurt = client(sim, Region.EU_CENTRAL_1)) {
            frankfurt.runInstances(r -> r.imageId(AMI).instanceType("t3.micro").minCount(1).maxCount(1));
            assertEquals(1, frankfurt.describeInstances().reservations().size());
        }

        assertEquals(List.of(web), ids(DescribeInstancesRequest.builder().filters(
                Filter.builder().name("tag:prov:address").values("ws/us/ec2-instance/web").build()).build()));
        assertEquals(List.of(web), ids(DescribeInstancesRequest.builder().filters(
                Filter.builder().name("tag-key").values("role").build()).build()));
        assertEquals(List.of(web, db), ids(DescribeInstancesRequest.builder().filters(
                Filter.builder().name("tag:prov:address").values("ws/us/*").build()).build()));

        ec2.terminateInstances(r -> r.instanceIds(db));
        assertEquals(List.of(web), ids(DescribeInstancesRequest.builder().filters(
                Filter.builder().name("instance-state-name").values("pending", "running").build(),
                Filter.builder().name("tag-key").values("prov:address").build()).build()));

        Ec2Exception badFilter = assertThrows(Ec2Exception.class, () -> ec2.describeInstances(r -> r.filters(
                Filter.builder().name("no-such-filter").values("x").build())));
        assertEquals("InvalidParameterValue", badFilter.awsErrorDetails().errorCode());
    }

    @Test
    void describeInstancesPaginatesWithNextToken() {
        ec2.runInstances(r -> r.imageId(AMI).instanceType("t3.micro").minCount(12).maxCount(12));

        DescribeInstancesResponse first = ec2.describeInstances(r -> r.maxResults(5));
        assertEquals(5, first.reservations().stream().mapToInt(r -> r.instances().size()).sum());
        assertNotNull(first.nextToken());

        List<String> all = ec2.describeInstancesPaginator(r -> r.maxResults(5)).reservations().stream()
                .flatMap(r -> r.instances().stream()).map(Instance::instanceId).toList();
        assertEquals(12, all.size());
        assertEquals(12, all.stream().distinct().count());
        assertEquals(sim.state().ec2Instances().stream().map(Ec2Instance::instanceId).toList(), all);

        Ec2Exception tooSmall = assertThrows(Ec2Exception.class, () -> ec2.describeInstances(r -> r.maxResults(2)));
        assertEquals("InvalidParameterValue", tooSmall.awsErrorDetails().errorCode());
    }

    @Test
    void stopModifyStartChangesTheInstanceTypeOnlyWhileStopped() throws Exception {
        String id = run("t3.micro", null, null).instances().get(0).instanceId();
        eventually(() -> describe(id), i -> i.state().name() == InstanceStateName.RUNNING);

        Ec2Exception running = assertThrows(Ec2Exception.class, () -> ec2.modifyInstanceAttribute(r -> r
                .instanceId(id).instanceType(v -> v.value("t3.large"))));
        assertEquals("IncorrectInstanceState", running.awsErrorDetails().errorCode());

        ec2.stopInstances(r -> r.instanceIds(id));
        eventually(() -> describe(id), i -> i.state().name() == InstanceStateName.STOPPED);
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("t3.large")));
        ec2.startInstances(r -> r.instanceIds(id));

        Instance restarted = eventually(() -> describe(id), i -> i.state().name() == InstanceStateName.RUNNING);
        assertEquals("t3.large", restarted.instanceTypeAsString());
    }

    @Test
    void badRequestsGetEc2ErrorCodes() {
        assertCode("InvalidAMIID.NotFound", () -> ec2.runInstances(r -> r.imageId("ami-0000000000000000f")
                .instanceType("t3.micro").minCount(1).maxCount(1)));
        assertCode("InvalidAMIID.Malformed", () -> ec2.runInstances(r -> r.imageId("ubuntu")
                .instanceType("t3.micro").minCount(1).maxCount(1)));
        assertCode("Unsupported", () -> ec2.runInstances(r -> r.imageId(AMI).instanceType("t3.gigantic")
                .minCount(1).maxCount(1)));
        assertCode("InvalidParameterValue", () -> ec2.runInstances(r -> r.imageId(AMI).instanceType("huge")
                .minCount(1).maxCount(1)));
        assertCode("InvalidInstanceID.NotFound", () -> ec2.describeInstances(r -> r.instanceIds("i-0123456789abcdef0")));
        assertCode("InvalidInstanceID.NotFound", () -> ec2.terminateInstances(r -> r.instanceIds("i-0123456789abcdef0")));
        assertCode("InvalidSubnetID.NotFound", () -> ec2.runInstances(r -> r.imageId(AMI).instanceType("t3.micro")
                .minCount(1).maxCount(1).subnetId("subnet-0123456789abcdef0")));
        assertTrue(sim.state().ec2Instances().isEmpty());
    }

    @Test
    void injectedThrottlingIsRequestLimitExceededAndTheSdkRetriesIt() {
        sim.faults().add(Fault.of("ec2", null, null, 503, 2));

        assertEquals(7, ec2.describeRegions().regions().size());
        assertTrue(sim.faults().active().isEmpty());

        sim.faults().add(new Fault("ec2", null, null, 429, 5, null, null, null, 0));
        Ec2Exception throttled = assertThrows(Ec2Exception.class, () -> ec2.describeRegions());
        assertEquals("RequestLimitExceeded", throttled.awsErrorDetails().errorCode());
        assertTrue(throttled.isThrottlingException());
        sim.faults().clear();
    }

    @Test
    void catalogActionsDescribeTypesImagesAndZones() {
        var types = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t3.medium", "m5.large")).instanceTypes();
        assertEquals(2, types.size());
        assertEquals(2, types.get(0).vCpuInfo().defaultVCpus());
        assertEquals(4096L, types.get(0).memoryInfo().sizeInMiB());
        assertCode("InvalidInstanceType", () -> ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("x9.huge")));

        assertEquals("available", ec2.describeImages(r -> r.imageIds(AMI)).images().get(0).stateAsString());
        var zones = ec2.describeAvailabilityZones().availabilityZones();
        assertEquals(List.of("ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"),
                zones.stream().map(z -> z.zoneName()).toList());
        assertEquals("apse1-az1", zones.get(0).zoneId());
    }

    @Test
    void aVpcWithSubnetsGatewayAndSecurityGroupHostsInstances() {
        CreateVpcResponse vpc = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16").tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.VPC).tags(Tag.builder().key("prov:address")
                        .value("ws/asia/vpc/main").build()).build()));
        String vpcId = vpc.vpc().vpcId();
        assertEquals("10.2.0.0/16", vpc.vpc().cidrBlock());
        CreateSubnetResponse a = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.1.0/24")
                .availabilityZone("ap-southeast-1a"));
        ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.2.0/24").availabilityZone("ap-southeast-1b"));
        assertCode("InvalidSubnet.Conflict", () -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.2.1.128/25")));
        assertCode("InvalidSubnet.Range", () -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.3.1.0/24")));

        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        assertEquals(vpcId, ec2.describeInternetGateways(r -> r.filters(Filter.builder().name("attachment.vpc-id")
                .values(vpcId).build())).internetGateways().get(0).attachments().get(0).vpcId());

        String sg = ec2.createSecurityGroup(r -> r.groupName("web").description("web traffic").vpcId(vpcId)).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build(),
                IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        ec2.createTags(r -> r.resources(sg, a.subnet().subnetId()).tags(Tag.builder().key("prov:address")
                .value("ws/asia/vpc/main").build()));

        List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId)
                .build())).subnets();
        assertEquals(2, subnets.size());
        assertEquals(251, subnets.get(0).availableIpAddressCount());
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(sg)).securityGroups().get(0);
        assertEquals(List.of(80, 443), group.ipPermissions().stream().map(IpPermission::fromPort).toList());
        assertEquals(3, ec2.describeTags(r -> r.filters(Filter.builder().name("key").values("prov:address")
                .build())).tags().size());
        assertEquals(List.of(vpcId), ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:prov:address")
                .values("ws/asia/vpc/main").build())).vpcs().stream().map(v -> v.vpcId()).toList());

        Instance instance = ec2.runInstances(r -> r.imageId(AMI).instanceType("t3.small").minCount(1).maxCount(1)
                .subnetId(a.subnet().subnetId()).securityGroupIds(sg)).instances().get(0);
        assertEquals(vpcId, instance.vpcId());
        assertEquals("10.2.1.4", instance.privateIpAddress());

        assertCode("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpcId)));
        assertCode("DependencyViolation", () -> ec2.deleteSecurityGroup(r -> r.groupId(sg)));
        assertCode("InvalidGroup.Duplicate", () -> ec2.createSecurityGroup(r -> r.groupName("web")
                .description("again").vpcId(vpcId)));
    }

    @Test
    void deletingAVpcNeedsItEmptied() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.4.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.4.0.0/24")).subnet().subnetId();
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        String sg = ec2.createSecurityGroup(r -> r.groupName("web").description("web").vpcId(vpcId)).groupId();

        ec2.deleteSecurityGroup(r -> r.groupId(sg));
        ec2.deleteSubnet(r -> r.subnetId(subnet));
        assertCode("DependencyViolation", () -> ec2.deleteInternetGateway(r -> r.internetGatewayId(igw)));
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igw));
        ec2.deleteVpc(r -> r.vpcId(vpcId));

        assertFalse(sim.state().ec2Vpcs().stream().anyMatch(v -> v.vpcId().equals(vpcId)));
        assertCode("InvalidVpcID.NotFound", () -> ec2.describeVpcs(r -> r.vpcIds(vpcId)));
    }

    private List<String> ids(DescribeInstancesRequest request) {
        return ec2.describeInstances(request).reservations().stream().flatMap(r -> r.instances().stream())
                .map(Instance::instanceId).toList();
    }

    private static void assertCode(String code, Runnable call) {
        Ec2Exception e = assertThrows(Ec2Exception.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(400, e.statusCode());
    }
}
