package dev.provisioning.cloudsim.aws.elbv2;

import dev.provisioning.cloudsim.aws.AwsQueryService;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.aws.SigV4Authorization;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.AwsRejection;
import dev.provisioning.cloudsim.state.Ec2Instance;
import dev.provisioning.cloudsim.state.Ec2Store;
import dev.provisioning.cloudsim.state.ElbListener;
import dev.provisioning.cloudsim.state.ElbLoadBalancer;
import dev.provisioning.cloudsim.state.ElbStore;
import dev.provisioning.cloudsim.state.ElbTargetGroup;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Elastic Load Balancing v2 (application load balancers): load balancers, target groups and their targets,
 * listeners, tags. Answers use the query protocol's {@code <XxxResult>} wrapper and {@code <member>} lists.
 */
public final class ElbService implements AwsQueryService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");
    private static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS");
    private static final String MARKER_PREFIX = "after:";

    private final ElbStore store;
    private final Ec2Store ec2;
    private final Clock clock;

    public ElbService(ElbStore store, Ec2Store ec2) {
        this(store, ec2, Clock.systemUTC());
    }

    ElbService(ElbStore store, Ec2Store ec2, Clock clock) {
        this.store = store;
        this.ec2 = ec2;
        this.clock = clock;
    }

    @Override
    public String signingName() {
        return "elasticloadbalancing";
    }

    @Override
    public String namespace() {
        return ElbCall.NAMESPACE;
    }

    @Override
    public SimResponse handle(String action, Map<String, String> params, SigV4Authorization caller, String requestId) {
        ElbCall call = new ElbCall(params, caller.region(), requestId);
        try {
            return switch (action) {
                case "CreateLoadBalancer" -> createLoadBalancer(call);
                case "DescribeLoadBalancers" -> describeLoadBalancers(call);
                case "DeleteLoadBalancer" -> deleteLoadBalancer(call);
                case "CreateTargetGroup" -> createTargetGroup(call);
                case "DescribeTargetGroups" -> describeTargetGroups(call);
                case "DeleteTargetGroup" -> deleteTargetGroup(call);
                case "RegisterTargets" -> registerTargets(call, true);
                case "DeregisterTargets" -> registerTargets(call, false);
                case "DescribeTargetHealth" -> describeTargetHealth(call);
                case "CreateListener" -> createListener(call);
                case "DescribeListeners" -> describeListeners(call);
                case "DeleteListener" -> deleteListener(call);
                case "AddTags" -> addTags(call);
                case "DescribeTags" -> describeTags(call);
                default -> throw new RejectedAwsRequest(400, "InvalidAction", "Could not find operation " + action
                        + " for version 2015-12-01");
            };
        } catch (AwsRejection rejected) {
            throw new RejectedAwsRequest(rejected.status(), rejected.code(), rejected.getMessage());
        }
    }

    private SimResponse createLoadBalancer(ElbCall call) {
        String name = requireName(call.required("Name"), "load balancer");
        if (name.toLowerCase(Locale.ROOT).startsWith("internal-")) {
            throw ElbCall.validation("Load balancer names cannot start with 'internal-'");
        }
        String type = call.optional("Type").orElse("application");
        if (!type.equals("application")) {
            throw ElbCall.validation("cloud-sim emulates application load balancers only, not '" + type + "'");
        }
        String scheme = call.optional("Scheme").orElse("internet-facing");
        if (!scheme.equals("internet-facing") && !scheme.equals("internal")) {
            throw ElbCall.validation("Scheme must be 'internet-facing' or 'internal', was '" + scheme + "'");
        }
        List<String> subnets = call.members("Subnets");
        if (subnets.isEmpty()) {
            throw ElbCall.validation("At least two subnets in two different Availability Zones must be specified");
        }
        ElbLoadBalancer lb = store.createLoadBalancer(new ElbStore.LoadBalancerDraft(call.region(), name, subnets,
                call.members("SecurityGroups"), scheme, type, call.optional("IpAddressType").orElse("ipv4"),
                call.tags()), clock.instant());
        return call.respond("CreateLoadBalancer", xml -> {
            xml.start("LoadBalancers");
            ElbXml.loadBalancer(xml, lb);
            xml.end();
        });
    }

    private SimResponse describeLoadBalancers(ElbCall call) {
        List<String> arns = call.members("LoadBalancerArns");
        List<String> names = call.members("Names");
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw ElbCall.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        List<ElbLoadBalancer> all = store.loadBalancers(call.region());
        List<ElbLoadBalancer> selected;
        if (!arns.isEmpty()) {
            selected = arns.stream().map(arn -> store.loadBalancer(call.region(), arn)).toList();
        } else if (!names.isEmpty()) {
            selected = new ArrayList<>();
            for (String name : names) {
                selected.add(all.stream().filter(lb -> lb.name().equals(name)).findFirst().orElseThrow(() ->
                        new RejectedAwsRequest(400, "LoadBalancerNotFound", "Load balancers '[" + name
                                + "]' not found")));
            }
        } else {
            selected = all;
        }
        Page<ElbLoadBalancer> page = page(call, selected, ElbLoadBalancer::arn);
        return call.respond("DescribeLoadBalancers", xml -> {
            xml.start("LoadBalancers");
            page.items().forEach(lb -> ElbXml.loadBalancer(xml, lb));
            xml.end().optional("NextMarker", page.nextMarker());
        });
    }

    private SimResponse deleteLoadBalancer(ElbCall call) {
        store.deleteLoadBalancer(call.region(), call.required("LoadBalancerArn"));
        return call.respond("DeleteLoadBalancer", xml -> { });
    }

    private SimResponse createTargetGroup(ElbCall call) {
        String name = requireName(call.required("Name"), "target group");
        String targetType = call.optional("TargetType").orElse("instance");
        if (!targetType.equals("instance")) {
            throw ElbCall.validation("cloud-sim emulates instance targets only, not '" + targetType + "'");
        }
        String protocol = protocol(call.optional("Protocol").orElseThrow(() ->
                ElbCall.validation("A protocol must be specified for target groups of type 'instance'")));
        int port = call.optionalInt("Port").orElseThrow(() ->
                ElbCall.validation("A port must be specified for target groups of type 'instance'"));
        requirePort(port);
        String vpcId = call.optional("VpcId").orElseThrow(() ->
                ElbCall.validation("A VPC ID must be specified for target groups of type 'instance'"));
        String healthPath = call.optional("HealthCheckPath").orElse("/");
        if (!healthPath.startsWith("/")) {
            throw ElbCall.validation("Health check path must begin with a '/' character");
        }
        ElbTargetGroup.HealthCheck healthCheck = new ElbTargetGroup.HealthCheck(
                protocol(call.optional("HealthCheckProtocol").orElse(protocol)),
                call.optional("HealthCheckPort").orElse("traffic-port"), healthPath,
                call.optionalInt("HealthCheckIntervalSeconds").orElse(30),
                call.optionalInt("HealthCheckTimeoutSeconds").orElse(5),
                call.optionalInt("HealthyThresholdCount").orElse(5),
                call.optionalInt("UnhealthyThresholdCount").orElse(2),
                call.optional("Matcher.HttpCode").orElse("200"));
        ElbTargetGroup tg = store.createTargetGroup(new ElbStore.TargetGroupDraft(call.region(), name, protocol, port,
                vpcId, targetType, healthCheck, call.tags()));
        return call.respond("CreateTargetGroup", xml -> {
            xml.start("TargetGroups");
            ElbXml.targetGroup(xml, tg, store.loadBalancersOf(tg.arn()));
            xml.end();
        });
    }

    private SimResponse describeTargetGroups(ElbCall call) {
        List<String> arns = call.members("TargetGroupArns");
        List<String> names = call.members("Names");
        Optional<String> loadBalancerArn = call.optional("LoadBalancerArn");
        List<ElbTargetGroup> all = store.targetGroups(call.region());
        List<ElbTargetGroup> selected;
        if (!arns.isEmpty()) {
            selected = arns.stream().map(arn -> store.targetGroup(call.region(), arn)).toList();
        } else if (!names.isEmpty()) {
            selected = new ArrayList<>();
            for (String name : names) {
                selected.add(all.stream().filter(tg -> tg.name().equals(name)).findFirst().orElseThrow(() ->
                        new RejectedAwsRequest(400, "TargetGroupNotFound", "One or more target groups not found")));
            }
        } else if (loadBalancerArn.isPresent()) {
            store.loadBalancer(call.region(), loadBalancerArn.get());
            selected = all.stream().filter(tg -> store.loadBalancersOf(tg.arn()).contains(loadBalancerArn.get()))
                    .toList();
        } else {
            selected = all;
        }
        Page<ElbTargetGroup> page = page(call, selected, ElbTargetGroup::arn);
        return call.respond("DescribeTargetGroups", xml -> {
            xml.start("TargetGroups");
            page.items().forEach(tg -> ElbXml.targetGroup(xml, tg, store.loadBalancersOf(tg.arn())));
            xml.end().optional("NextMarker", page.nextMarker());
        });
    }

    private SimResponse deleteTargetGroup(ElbCall call) {
        store.deleteTargetGroup(call.region(), call.required("TargetGroupArn"));
        return call.respond("DeleteTargetGroup", xml -> { });
    }

    private SimResponse registerTargets(ElbCall call, boolean register) {
        String arn = call.required("TargetGroupArn");
        ElbTargetGroup tg = store.targetGroup(call.region(), arn);
        List<ElbTargetGroup.Target> targets = targets(call, register ? tg.port() : 0);
        if (targets.isEmpty()) {
            throw ElbCall.validation("1 validation error detected: Value null at 'targets' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (register) {
            store.registerTargets(call.region(), arn, targets);
            return call.respond("RegisterTargets", xml -> { });
        }
        store.deregisterTargets(call.region(), arn, targets);
        return call.respond("DeregisterTargets", xml -> { });
    }

    private SimResponse describeTargetHealth(ElbCall call) {
        ElbTargetGroup tg = store.targetGroup(call.region(), call.required("TargetGroupArn"));
        List<ElbTargetGroup.Target> asked = targets(call, 0);
        List<ElbTargetGroup.Target> shown = asked.isEmpty() ? tg.targets() : asked.stream()
                .map(a -> tg.targets().stream().filter(t -> t.id().equals(a.id())
                        && (a.port() == 0 || a.port() == t.port())).findFirst()
                        .orElse(new ElbTargetGroup.Target(a.id(), a.port() == 0 ? tg.port() : a.port())))
                .toList();
        List<ElbLoadBalancer> using = store.loadBalancersOf(tg.arn()).stream()
                .map(arn -> store.loadBalancer(call.region(), arn)).toList();
        return call.respond("DescribeTargetHealth", xml -> {
            xml.start("TargetHealthDescriptions");
            for (ElbTargetGroup.Target target : shown) {
                String[] health = health(tg, target, using);
                xml.start("member")
                        .start("Target").element("Id", target.id()).element("Port", target.port()).end()
                        .element("HealthCheckPort", tg.healthCheck().port().equals("traffic-port")
                                ? String.valueOf(target.port()) : tg.healthCheck().port())
                        .start("TargetHealth").element("State", health[0]).optional("Reason", health[1])
                        .optional("Description", health[2]).end()
                        .end();
            }
            xml.end();
        });
    }

    /** State, reason and description of a target, as far as the simulation can tell without real traffic. */
    private String[] health(ElbTargetGroup tg, ElbTargetGroup.Target target, List<ElbLoadBalancer> using) {
        if (!tg.targets().contains(target)) {
            return new String[] {"unavailable", "Target.NotRegistered", "Target is not registered to the target group"};
        }
        if (using.isEmpty()) {
            return new String[] {"unused", "Target.NotInUse",
                    "Target group is not configured to receive traffic from the load balancer"};
        }
        Optional<Ec2Instance> instance = ec2.instance(target.id());
        if (instance.isEmpty() || !instance.get().isLive() || instance.get().state() == Ec2Instance.State.STOPPED
                || instance.get().state() == Ec2Instance.State.STOPPING) {
            return new String[] {"unused", "Target.InvalidState", "Target is in the stopped state"};
        }
        if (instance.get().state() == Ec2Instance.State.PENDING
                || using.stream().noneMatch(lb -> lb.state().equals("active"))) {
            return new String[] {"initial", "Elb.RegistrationInProgress", "Target registration is in progress"};
        }
        return new String[] {"healthy", null, null};
    }

    private SimResponse createListener(ElbCall call) {
        String loadBalancerArn = call.required("LoadBalancerArn");
        String protocol = protocol(call.optional("Protocol").orElse("HTTP"));
        int port = call.optionalInt("Port").orElseThrow(() -> ElbCall.validation("A port must be specified"));
        requirePort(port);
        List<String> certificates = new ArrayList<>();
        for (int n = 1; n <= call.memberCount("Certificates", "CertificateArn"); n++) {
            certificates.add(call.required("Certificates.member." + n + ".CertificateArn"));
        }
        if (protocol.equals("HTTPS") && certificates.isEmpty()) {
            throw ElbCall.validation("A certificate must be specified for HTTPS listeners");
        }
        for (String certificate : certificates) {
            if (!certificate.startsWith("arn:aws:acm:") && !certificate.startsWith("arn:aws:iam:")) {
                throw new RejectedAwsRequest(400, "CertificateNotFound", "Certificate '" + certificate
                        + "' not found");
            }
        }
        if (call.memberCount("DefaultActions", "Type") != 1
                || !call.optional("DefaultActions.member.1.Type").orElse("").equals("forward")) {
            throw ElbCall.validation("cloud-sim emulates exactly one default action of type 'forward'");
        }
        String targetGroupArn = call.optional("DefaultActions.member.1.TargetGroupArn")
                .or(() -> call.optional("DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn"))
                .orElseThrow(() -> ElbCall.validation("A target group ARN must be specified for a forward action"));
        String sslPolicy = protocol.equals("HTTPS")
                ? call.optional("SslPolicy").orElse("ELBSecurityPolicy-2016-08") : null;
        ElbListener listener = store.createListener(call.region(), loadBalancerArn, protocol, port, certificates,
                sslPolicy, targetGroupArn, call.tags());
        return call.respond("CreateListener", xml -> {
            xml.start("Listeners");
            ElbXml.listener(xml, listener);
            xml.end();
        });
    }

    private SimResponse describeListeners(ElbCall call) {
        List<String> arns = call.members("ListenerArns");
        Optional<String> loadBalancerArn = call.optional("LoadBalancerArn");
        List<ElbListener> selected;
        if (!arns.isEmpty()) {
            selected = arns.stream().map(arn -> store.listener(call.region(), arn)).toList();
        } else if (loadBalancerArn.isPresent()) {
            store.loadBalancer(call.region(), loadBalancerArn.get());
            selected = store.listenersOf(loadBalancerArn.get());
        } else {
            throw ElbCall.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        Page<ElbListener> page = page(call, selected, ElbListener::arn);
        return call.respond("DescribeListeners", xml -> {
            xml.start("Listeners");
            page.items().forEach(l -> ElbXml.listener(xml, l));
            xml.end().optional("NextMarker", page.nextMarker());
        });
    }

    private SimResponse deleteListener(ElbCall call) {
        store.deleteListener(call.region(), call.required("ListenerArn"));
        return call.respond("DeleteListener", xml -> { });
    }

    private SimResponse addTags(ElbCall call) {
        List<String> arns = call.members("ResourceArns");
        Map<String, String> tags = call.tags();
        if (arns.isEmpty() || tags.isEmpty()) {
            throw ElbCall.validation("ResourceArns and Tags must not be empty");
        }
        store.addTags(call.region(), arns, tags);
        return call.respond("AddTags", xml -> { });
    }

    private SimResponse describeTags(ElbCall call) {
        List<String> arns = call.members("ResourceArns");
        if (arns.isEmpty() || arns.size() > 20) {
            throw ElbCall.validation("Between 1 and 20 resource ARNs must be given");
        }
        List<Map<String, String>> tags = arns.stream().map(arn -> store.tagsOf(call.region(), arn)).toList();
        return call.respond("DescribeTags", xml -> {
            xml.start("TagDescriptions");
            for (int i = 0; i < arns.size(); i++) {
                xml.start("member").element("ResourceArn", arns.get(i)).start("Tags");
                tags.get(i).forEach((k, v) -> xml.start("member").element("Key", k).element("Value", v).end());
                xml.end().end();
            }
            xml.end();
        });
    }

    private record Page<T>(List<T> items, String nextMarker) {
    }

    /** {@code PageSize} (1–400) and {@code Marker}; the marker names the last item shown, so it never repeats. */
    private static <T> Page<T> page(ElbCall call, List<T> items, Function<T, String> arnOf) {
        int size = call.optionalInt("PageSize").orElse(400);
        if (size < 1 || size > 400) {
            throw ElbCall.validation("1 validation error detected: Value '" + size + "' at 'pageSize' failed to "
                    + "satisfy constraint: Member must have value between 1 and 400");
        }
        int from = 0;
        Optional<String> marker = call.optional("Marker");
        if (marker.isPresent()) {
            String after;
            try {
                after = new String(Base64.getUrlDecoder().decode(marker.get()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                after = "";
            }
            from = -1;
            for (int i = 0; i < items.size(); i++) {
                if ((MARKER_PREFIX + arnOf.apply(items.get(i))).equals(after)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw ElbCall.validation("The marker '" + marker.get() + "' is not valid");
            }
        }
        int to = Math.min(items.size(), from + size);
        List<T> page = items.subList(from, to);
        String next = to < items.size() ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                (MARKER_PREFIX + arnOf.apply(page.get(page.size() - 1))).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(page, next);
    }

    private static List<ElbTargetGroup.Target> targets(ElbCall call, int defaultPort) {
        List<ElbTargetGroup.Target> targets = new ArrayList<>();
        for (int n = 1; n <= call.memberCount("Targets", "Id"); n++) {
            targets.add(new ElbTargetGroup.Target(call.required("Targets.member." + n + ".Id"),
                    call.optionalInt("Targets.member." + n + ".Port").orElse(defaultPort)));
        }
        return targets;
    }

    private static String requireName(String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw ElbCall.validation("The " + what + " name '" + name + "' is not valid: at most 32 alphanumeric "
                    + "characters or hyphens, not starting or ending with a hyphen");
        }
        return name;
    }

    private static String protocol(String protocol) {
        String upper = protocol.toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(upper)) {
            throw ElbCall.validation("Protocol '" + protocol + "' must be one of [HTTP, HTTPS] for an application "
                    + "load balancer");
        }
        return upper;
    }

    private static void requirePort(int port) {
        if (port < 1 || port > 65_535) {
            throw ElbCall.validation("1 validation error detected: Value '" + port + "' at 'port' failed to satisfy "
                    + "constraint: Member must have value between 1 and 65535");
        }
    }
}
