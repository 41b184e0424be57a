package dev.provisioning.awsagent.service;

import static dev.provisioning.awsagent.client.AwsFailures.call;
import static dev.provisioning.awsagent.client.AwsFailures.run;

import dev.provisioning.agent.config.AgentConfig;
import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.awsagent.client.AwsClients;
import dev.provisioning.awsagent.config.AwsConfig;
import dev.provisioning.contracts.ResourceAddress;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * EC2 instances ({@code <workspace>/<region>/ec2-instance/<name>}, spec {@code instance_type}, {@code image_id},
 * {@code vpc}): found by their {@code prov:address} tag, launched with a {@code ClientToken} derived from the address
 * so a repeated launch returns the same instance, ready once {@code running}. A changed {@code instance_type} is
 * applied by stopping the instance, modifying it and starting it again.
 */
@ApplicationScoped
public class Ec2InstanceReconciler implements ResourceKindReconciler<RegionalInstance> {

    static final String KIND = "ec2-instance";
    private static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");
    private static final Logger LOG = Logger.getLogger(Ec2InstanceReconciler.class);

    private final AwsClients clients;
    private final VpcReconciler vpcs;
    private final String defaultImageId;
    private final AgentConfig.Readiness readiness;

    public Ec2InstanceReconciler(AwsClients clients, VpcReconciler vpcs, AwsConfig aws, AgentConfig agent) {
        this.clients = clients;
        this.vpcs = vpcs;
        this.defaultImageId = aws.defaultImageId();
        this.readiness = agent.readiness();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void validate(DesiredResource desired) {
        desired.requiredText("instance_type");
        desired.optionalText("image_id");
        References.optional(desired, "vpc", VpcReconciler.KIND);
    }

    @Override
    @WithSpan("observe ec2-instance")
    public Optional<RegionalInstance> observe(ResourceAddress address, String providerRegion) {
        List<Instance> live = tagged(address, providerRegion, LIVE_STATES);
        if (live.size() > 1) {
            // Only possible if something outside this agent launched one; the oldest is the one events refer to.
            LOG.warnf("several instances carry one address tag address=%s count=%d", address, live.size());
        }
        return live.stream().min(Comparator.comparing(Instance::launchTime).thenComparing(Instance::instanceId))
                .map(instance -> new RegionalInstance(providerRegion, instance));
    }

    @Override
    @WithSpan("create ec2-instance")
    public RegionalInstance create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<RegionalInstance> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        ResourceAddress address = desired.address();
        String region = desired.providerRegion();
        // Each terminated instance of the address used up one token; the next launch needs a fresh one.
        int generation = tagged(address, region, List.of("shutting-down", "terminated")).size();
        RunInstancesRequest.Builder request = RunInstancesRequest.builder()
                .imageId(desired.optionalText("image_id").orElse(defaultImageId))
                .instanceType(desired.requiredText("instance_type"))
                .minCount(1)
                .maxCount(1)
                .clientToken(AwsIdentity.clientToken(address, generation))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
                        Tag.builder().key(AwsIdentity.ADDRESS_TAG).value(address.toString()).build(),
                        Tag.builder().key(AwsIdentity.NAME_TAG).value(address.name()).build(),
                        Tag.builder().key(AwsIdentity.WORKSPACE_TAG).value(address.workspace()).build()).build());
        Optional<ResourceAddress> vpcAddress = References.optional(desired, "vpc", VpcReconciler.KIND);
        if (vpcAddress.isPresent()) {
            VpcNetwork network = vpcs.lookup(vpcAddress.get(), region)
                    .filter(n -> !n.subnets().isEmpty() && n.securityGroup().isPresent())
                    .orElseThrow(() -> References.missing(desired, vpcAddress.get()));
            // Instances are spread over the VPC's subnets by a stable hash of their address, so a fleet uses both zones.
            int subnetIndex = Math.floorMod(address.toString().hashCode(), network.subnets().size());
            request.subnetId(network.subnets().get(subnetIndex).subnetId())
                    .securityGroupIds(network.securityGroup().get().groupId());
        }
        Instance launched = call("run instance", () -> clients.ec2(region).runInstances(request.build()))
                .instances().get(0);
        return new RegionalInstance(region, launched);
    }

    @Override
    public boolean isUpToDate(RegionalInstance observed, DesiredResource desired) {
        return observed.instance().instanceTypeAsString().equals(desired.requiredText("instance_type"));
    }

    @Override
    @WithSpan("resize ec2-instance")
    public RegionalInstance update(RegionalInstance observed, DesiredResource desired) {
        Ec2Client ec2 = clients.ec2(observed.region());
        String id = observed.instance().instanceId();
        String type = desired.requiredText("instance_type");
        LOG.infof("resizing address=%s instanceId=%s from=%s to=%s", desired.address(), id,
                observed.instance().instanceTypeAsString(), type);
        if (observed.instance().state().name() != InstanceStateName.STOPPED) {
            run("stop instance", () -> ec2.stopInstances(r -> r.instanceIds(id)));
            awaitState(observed.region(), id, InstanceStateName.STOPPED);
        }
        run("modify instance type", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                .instanceType(v -> v.value(type))));
        run("start instance", () -> ec2.startInstances(r -> r.instanceIds(id)));
        return new RegionalInstance(observed.region(), describe(observed.region(), id));
    }

    @Override
    @WithSpan("delete ec2-instance")
    public void delete(RegionalInstance observed) {
        run("terminate instance", () -> clients.ec2(observed.region())
                .terminateInstances(r -> r.instanceIds(observed.instance().instanceId())));
    }

    @Override
    public boolean isReady(RegionalInstance observed) {
        return observed.instance().state().name() == InstanceStateName.RUNNING;
    }

    @Override
    public String status(RegionalInstance observed) {
        return observed.instance().state().nameAsString();
    }

    @Override
    public String providerId(RegionalInstance observed) {
        return observed.instance().instanceId();
    }

    @Override
    public ReadyResource describe(RegionalInstance ready, DesiredResource desired) {
        Instance instance = ready.instance();
        Map<String, String> addresses = new LinkedHashMap<>();
        if (instance.publicIpAddress() != null) {
            addresses.put("ipv4", instance.publicIpAddress());
        }
        if (instance.privateIpAddress() != null) {
            addresses.put("ipv4_private", instance.privateIpAddress());
        }
        String type = instance.instanceTypeAsString();
        return new ReadyResource(instance.instanceId(), addresses, type, "aws:ec2:" + type + ":" + ready.region());
    }

    /** Instances of the address in the given states, as EC2 reports them. */
    private List<Instance> tagged(ResourceAddress address, String region, List<String> states) {
        return call("describe instances", () -> clients.ec2(region).describeInstancesPaginator(r -> r.filters(
                Filter.builder().name("tag:" + AwsIdentity.ADDRESS_TAG).values(address.toString()).build(),
                Filter.builder().name("instance-state-name").values(states).build()))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream()).toList());
    }

    private Instance describe(String region, String instanceId) {
        return call("describe instance", () -> clients.ec2(region).describeInstances(r -> r.instanceIds(instanceId))
                .reservations().get(0).instances().get(0));
    }

    private void awaitState(String region, String instanceId, InstanceStateName wanted) {
        Instant deadline = Instant.now().plus(readiness.timeout());
        Duration wait = readiness.initialPollInterval();
        while (describe(region, instanceId).state().name() != wanted) {
            if (Instant.now().isAfter(deadline)) {
                throw ProviderException.timeout("instance " + instanceId + " did not become " + wanted + " within "
                        + readiness.timeout());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderException.of("interrupted", "interrupted while waiting for " + instanceId, true);
            }
            wait = Duration.ofMillis(Math.min((long) (wait.toMillis() * readiness.multiplier()),
                    readiness.maxPollInterval().toMillis()));
        }
    }
}
