package dev.provisioning.awsagent.service;

import static dev.provisioning.awsagent.client.AwsFailures.call;
import static dev.provisioning.awsagent.client.AwsFailures.run;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.awsagent.client.AwsClients;
import dev.provisioning.awsagent.client.AwsFailures;
import dev.provisioning.contracts.ResourceAddress;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

/**
 * Application load balancers ({@code <workspace>/<region>/alb/<name>}): a load balancer in the referenced VPC's
 * subnets and security group, one target group with the referenced instances registered, and the spec's listeners
 * forwarding to it. Load balancer and target group are named after the address ({@link AwsIdentity#elbName}), which
 * is how they are found again; ready once the load balancer is {@code active}.
 */
@ApplicationScoped
public class AlbReconciler implements ResourceKindReconciler<AlbDeployment> {

    static final String KIND = "alb";
    private static final Logger LOG = Logger.getLogger(AlbReconciler.class);

    private final AwsClients clients;
    private final VpcReconciler vpcs;
    private final Ec2InstanceReconciler instances;

    public AlbReconciler(AwsClients clients, VpcReconciler vpcs, Ec2InstanceReconciler instances) {
        this.clients = clients;
        this.vpcs = vpcs;
        this.instances = instances;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void validate(DesiredResource desired) {
        AlbSpec.of(desired);
    }

    @Override
    @WithSpan("observe alb")
    public Optional<AlbDeployment> observe(ResourceAddress address, String providerRegion) {
        String name = AwsIdentity.elbName(address);
        try {
            List<LoadBalancer> found = clients.elb(providerRegion).describeLoadBalancers(r -> r.names(name))
                    .loadBalancers();
            return found.stream().findFirst().map(lb -> new AlbDeployment(providerRegion, lb));
        } catch (LoadBalancerNotFoundException absent) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw AwsFailures.translated("describe load balancer", e);
        }
    }

    @Override
    @WithSpan("create alb")
    public AlbDeployment create(DesiredResource desired) {
        AlbSpec spec = AlbSpec.of(desired);
        String region = desired.providerRegion();
        VpcNetwork network = vpcs.lookup(spec.vpc(), region)
                .filter(n -> n.subnets().size() >= 2 && n.securityGroup().isPresent())
                .orElseThrow(() -> References.missing(desired, spec.vpc()));
        ResourceAddress address = desired.address();
        // CreateLoadBalancer is idempotent for the same name and settings, so a retried create returns the same one.
        LoadBalancer lb = call("create load balancer", () -> clients.elb(region).createLoadBalancer(r -> r
                .name(AwsIdentity.elbName(address))
                .subnets(network.subnetIds())
                .securityGroups(network.securityGroup().get().groupId())
                .scheme(LoadBalancerSchemeEnum.INTERNET_FACING)
                .type(LoadBalancerTypeEnum.APPLICATION)
                .tags(tags(address))).loadBalancers().get(0));
        LOG.infof("created load balancer address=%s arn=%s dnsName=%s", address, lb.loadBalancerArn(), lb.dnsName());
        AlbDeployment deployment = new AlbDeployment(region, lb);
        route(deployment, desired, true);
        return deployment;
    }

    @Override
    public boolean isUpToDate(AlbDeployment observed, DesiredResource desired) {
        return !route(observed, desired, false);
    }

    @Override
    @WithSpan("update alb")
    public AlbDeployment update(AlbDeployment observed, DesiredResource desired) {
        route(observed, desired, true);
        return observed;
    }

    /**
     * Compares (and with {@code apply} brings in line) the target group, its registered targets and the listeners.
     *
     * @return whether anything differed from the spec
     */
    private boolean route(AlbDeployment deployment, DesiredResource desired, boolean apply) {
        AlbSpec spec = AlbSpec.of(desired);
        ElasticLoadBalancingV2Client elb = clients.elb(deployment.region());
        LoadBalancer lb = deployment.loadBalancer();
        boolean changed = false;

        Optional<TargetGroup> existingGroup = targetGroup(deployment.region(), lb.loadBalancerName());
        if (existingGroup.isEmpty() && !apply) {
            return true;
        }
        TargetGroup group = existingGroup.orElseGet(() -> call("create target group", () -> elb.createTargetGroup(r -> r
                .name(lb.loadBalancerName())
                .protocol(ProtocolEnum.HTTP)
                .port(spec.targetPort())
                .vpcId(lb.vpcId())
                .healthCheckPath(spec.healthCheckPath())
                .tags(tags(desired.address()))).targetGroups().get(0)));
        changed |= existingGroup.isEmpty();

        Set<String> wanted = new LinkedHashSet<>();
        for (ResourceAddress target : spec.targets()) {
            wanted.add(instances.observe(target, deployment.region())
                    .orElseThrow(() -> References.missing(desired, target)).instance().instanceId());
        }
        Set<String> registered = new LinkedHashSet<>();
        call("describe target health", () -> elb.describeTargetHealth(r -> r.targetGroupArn(group.targetGroupArn())))
                .targetHealthDescriptions().forEach(h -> registered.add(h.target().id()));
        List<String> toRegister = wanted.stream().filter(id -> !registered.contains(id)).toList();
        List<String> toDeregister = registered.stream().filter(id -> !wanted.contains(id)).toList();
        changed |= !toRegister.isEmpty() || !toDeregister.isEmpty();
        if (apply && !toRegister.isEmpty()) {
            run("register targets", () -> elb.registerTargets(r -> r.targetGroupArn(group.targetGroupArn())
                    .targets(toRegister.stream().map(id -> TargetDescription.builder().id(id).build()).toList())));
        }
        if (apply && !toDeregister.isEmpty()) {
            run("deregister targets", () -> elb.deregisterTargets(r -> r.targetGroupArn(group.targetGroupArn())
                    .targets(toDeregister.stream().map(id -> TargetDescription.builder().id(id).build()).toList())));
        }

        List<Listener> current = call("describe listeners", () -> elb.describeListeners(r -> r
                .loadBalancerArn(lb.loadBalancerArn())).listeners());
        List<AlbSpec.Listener> missing = new ArrayList<>(spec.listeners());
        for (Listener listener : current) {
            Optional<AlbSpec.Listener> match = spec.listeners().stream().filter(l -> matches(listener, l,
                    group.targetGroupArn())).findFirst();
            if (match.isPresent()) {
                missing.remove(match.get());
            } else {
                changed = true;
                if (apply) {
                    run("delete listener", () -> elb.deleteListener(r -> r.listenerArn(listener.listenerArn())));
                }
            }
        }
        changed |= !missing.isEmpty();
        if (apply) {
            for (AlbSpec.Listener listener : missing) {
                run("create listener", () -> elb.createListener(r -> {
                    r.loadBalancerArn(lb.loadBalancerArn())
                            .protocol(ProtocolEnum.fromValue(listener.protocol()))
                            .port(listener.port())
                            .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD)
                                    .targetGroupArn(group.targetGroupArn()).build());
                    if (listener.certificateArn() != null) {
                        r.certificates(Certificate.builder().certificateArn(listener.certificateArn()).build());
                    }
                }));
            }
        }
        return changed;
    }

    private static boolean matches(Listener actual, AlbSpec.Listener wanted, String targetGroupArn) {
        String certificate = actual.certificates().isEmpty() ? null : actual.certificates().get(0).certificateArn();
        boolean forwardsToGroup = actual.defaultActions().size() == 1
                && targetGroupArn.equals(actual.defaultActions().get(0).targetGroupArn());
        return actual.port() == wanted.port() && actual.protocolAsString().equals(wanted.protocol())
                && java.util.Objects.equals(certificate, wanted.certificateArn()) && forwardsToGroup;
    }

    /** The target group of that name; the agent gives it the name of its load balancer. */
    private Optional<TargetGroup> targetGroup(String region, String name) {
        try {
            return clients.elb(region).describeTargetGroups(r -> r.names(name)).targetGroups().stream().findFirst();
        } catch (TargetGroupNotFoundException absent) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw AwsFailures.translated("describe target group", e);
        }
    }

    @Override
    @WithSpan("delete alb")
    public void delete(AlbDeployment observed) {
        ElasticLoadBalancingV2Client elb = clients.elb(observed.region());
        // Deleting the load balancer deletes its listeners; only then may the target group go.
        run("delete load balancer", () -> elb.deleteLoadBalancer(r -> r
                .loadBalancerArn(observed.loadBalancer().loadBalancerArn())));
        targetGroup(observed.region(), observed.loadBalancer().loadBalancerName()).ifPresent(tg -> {
            try {
                elb.deleteTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn()));
            } catch (ResourceInUseException stillReferenced) {
                // AWS lets go of a target group a little after its load balancer: worth another attempt.
                throw ProviderException.of("ResourceInUse", stillReferenced.awsErrorDetails().errorMessage(), true);
            } catch (RuntimeException e) {
                throw AwsFailures.translated("delete target group", e);
            }
        });
    }

    @Override
    public boolean isReady(AlbDeployment observed) {
        return observed.loadBalancer().state().code() == LoadBalancerStateEnum.ACTIVE;
    }

    @Override
    public String status(AlbDeployment observed) {
        return observed.loadBalancer().state().codeAsString();
    }

    @Override
    public String providerId(AlbDeployment observed) {
        return observed.loadBalancer().loadBalancerArn();
    }

    @Override
    public ReadyResource describe(AlbDeployment ready, DesiredResource desired) {
        LoadBalancer lb = ready.loadBalancer();
        return new ReadyResource(lb.loadBalancerArn(), Map.of("hostname", lb.dnsName()), lb.typeAsString(),
                "aws:elbv2:" + lb.typeAsString() + ":" + ready.region());
    }

    private static List<Tag> tags(ResourceAddress address) {
        return List.of(Tag.builder().key(AwsIdentity.ADDRESS_TAG).value(address.toString()).build(),
                Tag.builder().key(AwsIdentity.NAME_TAG).value(address.name()).build(),
                Tag.builder().key(AwsIdentity.WORKSPACE_TAG).value(address.workspace()).build());
    }
}
