package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.Ec2Instance;
import dev.provisioning.cloudsim.state.Ec2SecurityGroup;
import dev.provisioning.cloudsim.state.Ec2Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** RunInstances, DescribeInstances, Start/Stop/TerminateInstances and ModifyInstanceAttribute. */
final class Ec2InstanceActions {

    private static final Pattern INSTANCE_TYPE_SHAPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");

    private final Ec2Store store;
    private final Clock clock;

    Ec2InstanceActions(Ec2Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    SimResponse runInstances(Ec2Call call) {
        String imageId = call.required("ImageId");
        if (!imageId.startsWith("ami-")) {
            throw new RejectedAwsRequest(400, "InvalidAMIID.Malformed", "Invalid id: \"" + imageId
                    + "\" (expecting \"ami-...\")");
        }
        if (Ec2Catalog.image(imageId).isEmpty()) {
            throw new RejectedAwsRequest(400, "InvalidAMIID.NotFound", "The image id '[" + imageId
                    + "]' does not exist");
        }
        String instanceType = call.optional("InstanceType").orElse("t3.micro");
        requireOffered(instanceType);
        int min = call.optionalInt("MinCount").orElseThrow(() -> new RejectedAwsRequest(400, "MissingParameter",
                "The request must contain the parameter MinCount"));
        int max = call.optionalInt("MaxCount").orElseThrow(() -> new RejectedAwsRequest(400, "MissingParameter",
                "The request must contain the parameter MaxCount"));
        if (min < 1 || max < min) {
            throw new RejectedAwsRequest(400, "InvalidParameterValue", "Invalid value '" + min
                    + "' for MinCount. Expected a positive value no greater than MaxCount (" + max + ").");
        }
        if (max > 20) {
            throw new RejectedAwsRequest(400, "InstanceLimitExceeded", "You have requested more instances (" + max
                    + ") than your current instance limit of 20 allows for the specified instance type.");
        }
        Optional<String> clientToken = call.optional("ClientToken");
        if (clientToken.isPresent() && (clientToken.get().length() > 64
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(clientToken.get()))) {
            throw new RejectedAwsRequest(400, "InvalidParameterValue",
                    "Value for parameter ClientToken is invalid: at most 64 ASCII characters");
        }
        List<String> groupIds = new ArrayList<>(call.list("SecurityGroupId"));
        for (String groupName : call.list("SecurityGroup")) {
            groupIds.add(store.securityGroups(call.region()).stream()
                    .filter(g -> g.groupName().equals(groupName)).map(Ec2SecurityGroup::groupId).findFirst()
                    .orElseThrow(() -> new RejectedAwsRequest(400, "InvalidGroup.NotFound",
                            "The security group '" + groupName + "' does not exist in default VPC")));
        }
        Ec2Store.Reservation reservation = store.runInstances(new Ec2Store.Launch(call.region(), imageId,
                instanceType, max, call.optional("SubnetId").orElse(null), groupIds, clientToken.orElse(null),
                call.optional("KeyName").orElse(null), call.tagSpecification("instance")), clock.instant());
        return call.respond("RunInstances", xml -> {
            xml.element("reservationId", reservation.reservationId()).element("ownerId", Ec2Xml.ACCOUNT_ID)
                    .start("groupSet").end()
                    .start("instancesSet");
            reservation.instances().forEach(i -> Ec2Xml.instance(xml, i, groupNames(call.region())));
            xml.end();
        });
    }

    SimResponse describeInstances(Ec2Call call) {
        List<String> ids = call.list("InstanceId");
        List<Ec2Instance> candidates = ids.isEmpty() ? store.instances(call.region())
                : store.instances(call.region(), ids);
        List<Ec2Instance> matching = Ec2Filters.apply(candidates, call.filters(), Ec2InstanceActions::filterValues);
        Ec2Pages pages = Ec2Pages.of(call, matching, !ids.isEmpty());
        List<Ec2Instance> page = pages.slice(matching);
        String nextToken = pages.nextToken();
        Function<String, String> groupNames = groupNames(call.region());
        return call.respond("DescribeInstances", xml -> {
            xml.start("reservationSet");
            Map<String, List<Ec2Instance>> byReservation = new LinkedHashMap<>();
            page.forEach(i -> byReservation.computeIfAbsent(i.reservationId(), r -> new ArrayList<>()).add(i));
            byReservation.forEach((reservationId, instances) -> {
                xml.start("item").element("reservationId", reservationId).element("ownerId", Ec2Xml.ACCOUNT_ID)
                        .start("groupSet").end().start("instancesSet");
                instances.forEach(i -> Ec2Xml.instance(xml, i, groupNames));
                xml.end().end();
            });
            xml.end().optional("nextToken", nextToken);
        });
    }

    SimResponse terminateInstances(Ec2Call call) {
        return stateChanges(call, "TerminateInstances", store.terminate(call.region(), requiredIds(call)));
    }

    SimResponse stopInstances(Ec2Call call) {
        return stateChanges(call, "StopInstances", store.stop(call.region(), requiredIds(call)));
    }

    SimResponse startInstances(Ec2Call call) {
        return stateChanges(call, "StartInstances", store.start(call.region(), requiredIds(call)));
    }

    /** Only the instance type can be changed here: {@code InstanceType.Value}, or {@code Attribute} + {@code Value}. */
    SimResponse modifyInstanceAttribute(Ec2Call call) {
        String instanceId = call.required("InstanceId");
        Optional<String> newType = call.optional("InstanceType.Value")
                .or(() -> call.optional("Attribute").filter("instanceType"::equals).flatMap(a -> call.optional("Value")));
        if (newType.isEmpty()) {
            throw new RejectedAwsRequest(400, "InvalidParameterCombination",
                    "cloud-sim can only modify the instanceType attribute");
        }
        requireOffered(newType.get());
        store.changeInstanceType(call.region(), instanceId, newType.get());
        return call.respondTrue("ModifyInstanceAttribute");
    }

    private SimResponse stateChanges(Ec2Call call, String action, List<Ec2Store.StateChange> changes) {
        return call.respond(action, xml -> {
            xml.start("instancesSet");
            changes.forEach(change -> Ec2Xml.stateChange(xml, change));
            xml.end();
        });
    }

    private static List<String> requiredIds(Ec2Call call) {
        List<String> ids = call.list("InstanceId");
        if (ids.isEmpty()) {
            throw new RejectedAwsRequest(400, "MissingParameter", "The request must contain the parameter InstanceId");
        }
        return ids;
    }

    private static void requireOffered(String instanceType) {
        if (!INSTANCE_TYPE_SHAPE.matcher(instanceType).matches()) {
            throw Ec2Call.invalidValue("InstanceType", instanceType);
        }
        if (Ec2Catalog.instanceType(instanceType).isEmpty()) {
            throw new RejectedAwsRequest(400, "Unsupported", "The requested configuration is currently not "
                    + "supported. Please check the documentation for supported configurations. (instance type '"
                    + instanceType + "' is not offered in this region)");
        }
    }

    private Function<String, String> groupNames(String region) {
        Map<String, String> names = new LinkedHashMap<>();
        store.securityGroups(region).forEach(g -> names.put(g.groupId(), g.groupName()));
        return groupId -> names.getOrDefault(groupId, "");
    }

    private static List<String> filterValues(Ec2Instance i, String name) {
        List<String> tagValues = Ec2Filters.tagValues(i.tags(), name);
        if (tagValues != null) {
            return tagValues;
        }
        return switch (name) {
            case "instance-id" -> List.of(i.instanceId());
            case "instance-state-name" -> List.of(i.state().apiName());
            case "instance-state-code" -> List.of(String.valueOf(i.state().code()));
            case "instance-type" -> List.of(i.instanceType());
            case "image-id" -> List.of(i.imageId());
            case "reservation-id" -> List.of(i.reservationId());
            case "client-token" -> i.clientToken() == null ? List.of() : List.of(i.clientToken());
            case "vpc-id" -> List.of(i.vpcId());
            case "subnet-id" -> List.of(i.subnetId());
            case "availability-zone" -> List.of(i.availabilityZone());
            case "private-ip-address" -> List.of(i.privateIpAddress());
            case "ip-address" -> i.publicIpAddress() == null ? List.of() : List.of(i.publicIpAddress());
            case "instance.group-id" -> i.securityGroupIds();
            case "key-name" -> i.keyName() == null ? List.of() : List.of(i.keyName());
            default -> null;
        };
    }
}
