package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.Ec2Instance;
import dev.provisioning.cloudsim.state.Ec2Store;
import java.util.List;

/**
 * DescribeInstanceStatus: the instance and system status checks, {@code ok} (reachability {@code passed}) for a
 * running instance, {@code initializing} for a pending one and {@code not-applicable} otherwise. As on AWS, only
 * running instances are listed unless {@code IncludeAllInstances} is true.
 */
final class Ec2InstanceStatusActions {

    private final Ec2Store store;

    Ec2InstanceStatusActions(Ec2Store store) {
        this.store = store;
    }

    SimResponse describeInstanceStatus(Ec2Call call) {
        List<String> ids = call.list("InstanceId");
        boolean all = call.flag("IncludeAllInstances");
        List<Ec2Instance> candidates = (ids.isEmpty() ? store.instances(call.region())
                : store.instances(call.region(), ids)).stream()
                .filter(i -> all || i.state() == Ec2Instance.State.RUNNING).toList();
        List<Ec2Instance> matching = Ec2Filters.apply(candidates, call.filters(),
                Ec2InstanceStatusActions::filterValues);
        Ec2Pages pages = Ec2Pages.of(call, matching, !ids.isEmpty());
        return call.respond("DescribeInstanceStatus", xml -> {
            xml.start("instanceStatusSet");
            pages.slice(matching).forEach(i -> item(xml, i));
            xml.end().optional("nextToken", pages.nextToken());
        });
    }

    /** The status of both checks: EC2's {@code SummaryStatus}. */
    static String status(Ec2Instance instance) {
        return switch (instance.state()) {
            case RUNNING -> "ok";
            case PENDING -> "initializing";
            default -> "not-applicable";
        };
    }

    /** The {@code reachability} detail, null when the checks do not apply. */
    static String reachability(Ec2Instance instance) {
        return switch (instance.state()) {
            case RUNNING -> "passed";
            case PENDING -> "initializing";
            default -> null;
        };
    }

    private static void item(XmlWriter xml, Ec2Instance instance) {
        xml.start("item")
                .element("instanceId", instance.instanceId())
                .element("availabilityZone", instance.availabilityZone())
                .start("eventsSet").end()
                .start("instanceState").element("code", instance.state().code())
                .element("name", instance.state().apiName()).end();
        summary(xml, "systemStatus", instance);
        summary(xml, "instanceStatus", instance);
        xml.end();
    }

    private static void summary(XmlWriter xml, String element, Ec2Instance instance) {
        xml.start(element).element("status", status(instance));
        String reachability = reachability(instance);
        if (reachability != null) {
            xml.start("details").start("item").element("name", "reachability").element("status", reachability)
                    .end().end();
        }
        xml.end();
    }

    private static List<String> filterValues(Ec2Instance instance, String name) {
        String reachability = reachability(instance);
        return switch (name) {
            case "availability-zone" -> List.of(instance.availabilityZone());
            case "instance-state-name" -> List.of(instance.state().apiName());
            case "instance-state-code" -> List.of(String.valueOf(instance.state().code()));
            case "instance-status.status", "system-status.status" -> List.of(status(instance));
            case "instance-status.reachability", "system-status.reachability" ->
                    reachability == null ? List.of() : List.of(reachability);
            case "event.code", "event.description", "event.instance-event-id" -> List.of();
            default -> null;
        };
    }
}
