package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.aws.AwsQueryService;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.aws.SigV4Authorization;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.AwsRejection;
import dev.provisioning.cloudsim.state.Ec2Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Amazon EC2 in its query dialect: instances and their status checks, key pairs, instance types, images, regions and
 * zones, VPCs, subnets, internet gateways, security groups and tags. Answers carry no Result wrapper and list entries
 * as {@code <item>}; errors use EC2's own {@code <Response><Errors>} shape.
 */
public final class Ec2Service implements AwsQueryService {

    private final Ec2InstanceActions instances;
    private final Ec2NetworkActions network;
    private final Ec2KeyPairActions keyPairs;
    private final Ec2InstanceStatusActions instanceStatus;

    public Ec2Service(Ec2Store store) {
        this(store, Clock.systemUTC());
    }

    Ec2Service(Ec2Store store, Clock clock) {
        this.instances = new Ec2InstanceActions(store, clock);
        this.network = new Ec2NetworkActions(store);
        this.keyPairs = new Ec2KeyPairActions(store, clock);
        this.instanceStatus = new Ec2InstanceStatusActions(store);
    }

    @Override
    public String signingName() {
        return "ec2";
    }

    @Override
    public String namespace() {
        return Ec2Call.NAMESPACE;
    }

    @Override
    public SimResponse handle(String action, Map<String, String> params, SigV4Authorization caller, String requestId) {
        Ec2Call call = new Ec2Call(params, caller.region(), requestId);
        try {
            return switch (action) {
                case "RunInstances" -> instances.runInstances(call);
                case "DescribeInstances" -> instances.describeInstances(call);
                case "TerminateInstances" -> instances.terminateInstances(call);
                case "StopInstances" -> instances.stopInstances(call);
                case "StartInstances" -> instances.startInstances(call);
                case "ModifyInstanceAttribute" -> instances.modifyInstanceAttribute(call);
                case "DescribeInstanceStatus" -> instanceStatus.describeInstanceStatus(call);
                case "CreateKeyPair" -> keyPairs.createKeyPair(call);
                case "ImportKeyPair" -> keyPairs.importKeyPair(call);
                case "DescribeKeyPairs" -> keyPairs.describeKeyPairs(call);
                case "DeleteKeyPair" -> keyPairs.deleteKeyPair(call);
                case "DescribeInstanceTypes" -> describeInstanceTypes(call);
                case "DescribeImages" -> describeImages(call);
                case "DescribeRegions" -> describeRegions(call);
                case "DescribeAvailabilityZones" -> describeAvailabilityZones(call);
                case "CreateVpc" -> network.createVpc(call);
                case "DescribeVpcs" -> network.describeVpcs(call);
                case "DeleteVpc" -> network.deleteVpc(call);
                case "CreateSubnet" -> network.createSubnet(call);
                case "DescribeSubnets" -> network.describeSubnets(call);
                case "DeleteSubnet" -> network.deleteSubnet(call);
                case "CreateInternetGateway" -> network.createInternetGateway(call);
                case "DescribeInternetGateways" -> network.describeInternetGateways(call);
                case "AttachInternetGateway" -> network.attachInternetGateway(call);
                case "DetachInternetGateway" -> network.detachInternetGateway(call);
                case "DeleteInternetGateway" -> network.deleteInternetGateway(call);
                case "CreateSecurityGroup" -> network.createSecurityGroup(call);
                case "AuthorizeSecurityGroupIngress" -> network.authorizeSecurityGroupIngress(call);
                case "DescribeSecurityGroups" -> network.describeSecurityGroups(call);
                case "DeleteSecurityGroup" -> network.deleteSecurityGroup(call);
                case "CreateTags" -> network.createTags(call);
                case "DeleteTags" -> network.deleteTags(call);
                case "DescribeTags" -> network.describeTags(call);
                default -> throw new RejectedAwsRequest(400, "InvalidAction", "The action " + action
                        + " is not valid for this web service.");
            };
        } catch (AwsRejection rejected) {
            throw new RejectedAwsRequest(rejected.status(), rejected.code(), rejected.getMessage());
        }
    }

    /** EC2's error shape: {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}. */
    @Override
    public SimResponse errorResponse(RejectedAwsRequest rejected, String requestId) {
        String document = new XmlWriter()
                .start("Response")
                .start("Errors").start("Error")
                .element("Code", rejected.code())
                .element("Message", rejected.getMessage())
                .end().end()
                .element("RequestID", requestId)
                .end()
                .toString();
        return SimResponse.xml(rejected.status(), document);
    }

    /** EC2 names throttling {@code RequestLimitExceeded} and an outage {@code Unavailable}. */
    @Override
    public SimResponse injectedFailure(Fault fault, String requestId) {
        int status = fault.status();
        String code = fault.code() != null ? fault.code()
                : status == 429 ? "RequestLimitExceeded" : status == 503 ? "Unavailable"
                : status >= 500 ? "InternalError" : status == 403 ? "UnauthorizedOperation" : "InvalidParameterValue";
        String message = fault.message() != null ? fault.message()
                : status == 429 ? "Request limit exceeded." : status == 503
                ? "The service is unavailable. Please try again shortly." : status >= 500
                ? "An internal error has occurred" : "Request failed";
        SimResponse response = errorResponse(new RejectedAwsRequest(status, code, message), requestId);
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return response;
    }

    private SimResponse describeInstanceTypes(Ec2Call call) {
        List<String> asked = call.list("InstanceType");
        List<String> unknown = asked.stream().filter(t -> Ec2Catalog.instanceType(t).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new RejectedAwsRequest(400, "InvalidInstanceType", "The following supplied instance types do not "
                    + "exist: [" + String.join(", ", unknown) + "]");
        }
        List<Ec2Catalog.InstanceType> types = Ec2Filters.apply(Ec2Catalog.INSTANCE_TYPES.stream()
                .filter(t -> asked.isEmpty() || asked.contains(t.name())).toList(), call.filters(), (t, name) ->
                switch (name) {
                    case "instance-type" -> List.of(t.name());
                    case "vcpu-info.default-vcpus" -> List.of(String.valueOf(t.vcpus()));
                    case "memory-info.size-in-mib" -> List.of(String.valueOf(t.memoryMiB()));
                    case "burstable-performance-supported" -> List.of(String.valueOf(t.burstable()));
                    case "current-generation" -> List.of("true");
                    default -> null;
                });
        return call.respond("DescribeInstanceTypes", xml -> {
            xml.start("instanceTypeSet");
            for (Ec2Catalog.InstanceType t : types) {
                xml.start("item")
                        .element("instanceType", t.name())
                        .element("currentGeneration", true)
                        .element("freeTierEligible", t.name().equals("t3.micro"))
                        .start("supportedUsageClasses").element("item", "on-demand").element("item", "spot").end()
                        .start("supportedRootDeviceTypes").element("item", "ebs").end()
                        .start("supportedVirtualizationTypes").element("item", "hvm").end()
                        .element("bareMetal", false)
                        .element("hypervisor", "nitro")
                        .start("processorInfo").start("supportedArchitectures").element("item", "x86_64").end()
                        .element("sustainedClockSpeedInGhz", t.burstable() ? "2.5" : "3.1").end()
                        .start("vCpuInfo").element("defaultVCpus", t.vcpus()).element("defaultCores", t.vcpus() / 2)
                        .element("defaultThreadsPerCore", 2).end()
                        .start("memoryInfo").element("sizeInMiB", t.memoryMiB()).end()
                        .element("instanceStorageSupported", false)
                        .start("networkInfo").element("networkPerformance", t.networkPerformance())
                        .element("maximumNetworkInterfaces", 3).element("ipv4AddressesPerInterface", 12).end()
                        .element("burstablePerformanceSupported", t.burstable())
                        .end();
            }
            xml.end();
        });
    }

    private SimResponse describeImages(Ec2Call call) {
        List<String> asked = call.list("ImageId");
        List<String> unknown = asked.stream().filter(id -> Ec2Catalog.image(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new RejectedAwsRequest(400, "InvalidAMIID.NotFound", "The image id '[" + String.join(", ", unknown)
                    + "]' does not exist");
        }
        List<String> owners = call.list("Owner");
        List<Ec2Catalog.Image> images = Ec2Filters.apply(Ec2Catalog.IMAGES.stream()
                .filter(i -> asked.isEmpty() || asked.contains(i.imageId()))
                .filter(i -> owners.isEmpty() || owners.contains(i.ownerId()) || owners.contains("amazon")
                        || owners.contains("aws-marketplace")).toList(), call.filters(), (i, name) ->
                switch (name) {
                    case "image-id" -> List.of(i.imageId());
                    case "name" -> List.of(i.name());
                    case "owner-id" -> List.of(i.ownerId());
                    case "architecture" -> List.of(i.architecture());
                    case "state" -> List.of("available");
                    case "is-public" -> List.of("true");
                    case "root-device-type" -> List.of("ebs");
                    case "virtualization-type" -> List.of("hvm");
                    default -> null;
                });
        return call.respond("DescribeImages", xml -> {
            xml.start("imagesSet");
            for (Ec2Catalog.Image i : images) {
                xml.start("item")
                        .element("imageId", i.imageId())
                        .element("imageLocation", i.ownerId() + "/" + i.name())
                        .element("imageState", "available")
                        .element("imageOwnerId", i.ownerId())
                        .element("creationDate", "2024-11-09T00:00:00.000Z")
                        .element("isPublic", true)
                        .element("architecture", i.architecture())
                        .element("imageType", "machine")
                        .element("name", i.name())
                        .element("description", i.description())
                        .element("rootDeviceType", "ebs")
                        .element("rootDeviceName", "/dev/sda1")
                        .element("virtualizationType", "hvm")
                        .element("hypervisor", "xen")
                        .element("enaSupport", true)
                        .element("platformDetails", i.platformDetails())
                        .element("usageOperation", "RunInstances")
                        .end();
            }
            xml.end();
        });
    }

    private SimResponse describeRegions(Ec2Call call) {
        List<String> asked = call.list("RegionName");
        List<String> regions = Ec2Filters.apply(Ec2Catalog.REGIONS.stream()
                .filter(r -> asked.isEmpty() || asked.contains(r)).toList(), call.filters(), (r, name) ->
                switch (name) {
                    case "region-name" -> List.of(r);
                    case "endpoint" -> List.of("ec2." + r + ".amazonaws.com");
                    case "opt-in-status" -> List.of("opt-in-not-required");
                    default -> null;
                });
        return call.respond("DescribeRegions", xml -> {
            xml.start("regionInfo");
            regions.forEach(r -> xml.start("item").element("regionName", r)
                    .element("regionEndpoint", "ec2." + r + ".amazonaws.com")
                    .element("optInStatus", "opt-in-not-required").end());
            xml.end();
        });
    }

    private SimResponse describeAvailabilityZones(Ec2Call call) {
        String region = call.region();
        List<String> asked = call.list("ZoneName");
        List<Integer> indexes = Ec2Filters.apply(List.of(0, 1, 2).stream()
                .filter(i -> asked.isEmpty() || asked.contains(region + Ec2Store.ZONE_LETTERS.get(i))).toList(),
                call.filters(), (i, name) -> switch (name) {
                    case "zone-name" -> List.of(region + Ec2Store.ZONE_LETTERS.get(i));
                    case "zone-id" -> List.of(Ec2Catalog.zoneId(region, i));
                    case "region-name" -> List.of(region);
                    case "state" -> List.of("available");
                    case "zone-type" -> List.of("availability-zone");
                    default -> null;
                });
        return call.respond("DescribeAvailabilityZones", xml -> {
            xml.start("availabilityZoneInfo");
            for (int i : indexes) {
                xml.start("item")
                        .element("zoneName", region + Ec2Store.ZONE_LETTERS.get(i))
                        .element("zoneState", "available")
                        .element("regionName", region)
                        .element("zoneId", Ec2Catalog.zoneId(region, i))
                        .element("zoneType", "availability-zone")
                        .element("optInStatus", "opt-in-not-required")
                        .element("groupName", region)
                        .element("networkBorderGroup", region)
                        .start("messageSet").end()
                        .end();
            }
            xml.end();
        });
    }
}
