package dev.provisioning.planner.service;

import dev.provisioning.contracts.cloudevents.JsonMapping;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.tracing.TraceContextHeaders;
import dev.provisioning.planner.Plan;
import dev.provisioning.planner.RecordedResource;
import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import dev.provisioning.planner.Workspace;
import dev.provisioning.planner.model.ConflictException;
import dev.provisioning.planner.model.DeclaredWorkspace;
import dev.provisioning.planner.model.FieldError;
import dev.provisioning.planner.model.FieldWarning;
import dev.provisioning.planner.model.InvalidWorkspaceException;
import dev.provisioning.planner.model.NotFoundException;
import dev.provisioning.planner.model.WorkspaceDefinition;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Declares workspaces and starts rollouts of them. */
@ApplicationScoped
public class WorkspaceService {

    private final WorkspaceParser parser;
    private final CatalogValidation catalog;
    private final RolloutScheduler scheduler;
    private final PlanService plans;

    public WorkspaceService(WorkspaceParser parser, CatalogValidation catalog, RolloutScheduler scheduler,
                            PlanService plans) {
        this.parser = parser;
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.plans = plans;
    }

    /** Plans a definition given in the body, or the stored one when the body is empty; stores nothing else. */
    @WithSpan("plan workspace")
    @Transactional
    public PlanService.PlanView plan(@SpanAttribute("workspace") String name, String json, String region) {
        WorkspaceDefinition definition;
        List<FieldWarning> warnings = List.of();
        if (json == null || json.isBlank()) {
            definition = definition(name);
        } else {
            definition = parser.parse(name, json);
            warnings = catalog.check(definition);
        }
        checkRegion(name, definition, region);
        return plans.plan(name, definition, region, warnings);
    }

    /** Applies a stored plan: refused with 409 when the recorded state changed since the plan was made. */
    @WithSpan("apply plan")
    @Transactional
    public Rollout applyPlan(String name, String planId) {
        Plan plan = Plan.findById(planId);
        if (plan == null || !plan.workspace.equals(name)) {
            throw new NotFoundException("plan '" + planId + "' of workspace '" + name + "' does not exist");
        }
        if (!plan.stateFingerprint.equals(PlanService.fingerprint(name))) {
            throw new ConflictException("plan " + planId + " is stale: the recorded state of workspace '" + name
                    + "' changed since it was made; make a new plan");
        }
        WorkspaceDefinition definition;
        try {
            definition = JsonMapping.mapper().readValue(plan.definition, WorkspaceDefinition.class);
        } catch (Exception e) {
            throw new IllegalStateException("plan " + planId + " holds a definition that does not parse", e);
        }
        store(name, definition);
        return apply(name, plan.region);
    }

    /**
     * Deletes every resource recorded for the workspace, dependants before what they depend on (the rollout graph
     * in reverse); refused while another rollout runs.
     */
    @WithSpan("destroy workspace")
    @Transactional
    public Rollout destroy(@SpanAttribute("workspace") String name) {
        WorkspaceDefinition definition = definition(name);
        List<RolloutGraph.Node> graph = RolloutGraph.of(definition, null).stream().filter(n -> !n.dns()).toList();
        Map<String, RolloutGraph.Node> declared = new java.util.HashMap<>();
        graph.forEach(n -> declared.put(n.key(), n));
        Rollout rollout = startRollout(name, null);
        List<RecordedResource> recorded = RecordedResource.ofWorkspace(name);
        java.util.Set<String> present = new java.util.HashSet<>();
        recorded.forEach(r -> present.add(r.address));
        for (RecordedResource resource : recorded) {
            RolloutGraph.Node node = declared.get(resource.address);
            // Wait for every recorded resource that depends on this one to be deleted first.
            List<String> dependants = graph.stream()
                    .filter(n -> n.dependsOn().contains(resource.address) && present.contains(n.key()))
                    .map(RolloutGraph.Node::key).toList();
            RolloutStep step = newStep(rollout, resource.address, RolloutStep.Kind.DELETE, resource.provider, dependants);
            step.command = RolloutScheduler.writeCommand(new DeleteResource(rollout.id,
                    dev.provisioning.contracts.ResourceAddress.parse(resource.address),
                    dev.provisioning.contracts.Provider.fromId(resource.provider), resource.providerRegion,
                    node == null ? Map.of() : node.context()));
            step.persist();
        }
        Rollout.flush();
        scheduler.advance(rollout);
        return rollout;
    }

    /** Validates and stores a workspace; nothing is stored when anything is wrong with it. */
    public WorkspaceDefinition declare(String name, String json) {
        return declareWithWarnings(name, json).definition();
    }

    /**
     * Validates and stores a workspace, returning it with what is accepted but worth changing (deprecated server
     * types); nothing is stored when anything is wrong with it.
     */
    @WithSpan("declare workspace")
    @Transactional
    public DeclaredWorkspace declareWithWarnings(@SpanAttribute("workspace") String name, String json) {
        WorkspaceDefinition definition = parser.parse(name, json);
        List<FieldWarning> warnings = catalog.check(definition);
        store(name, definition);
        return new DeclaredWorkspace(definition, warnings);
    }

    private static void store(String name, WorkspaceDefinition definition) {
        Workspace workspace = Workspace.findById(name);
        Instant now = Instant.now();
        if (workspace == null) {
            workspace = new Workspace();
            workspace.name = name;
            workspace.createdAt = now;
        }
        workspace.domain = definition.dns().domain();
        workspace.definition = write(definition);
        workspace.updatedAt = now;
        workspace.persist();
    }

    public WorkspaceDefinition definition(String name) {
        Workspace workspace = Workspace.findById(name);
        if (workspace == null) {
            throw new NotFoundException("workspace '" + name + "' does not exist");
        }
        try {
            return JsonMapping.mapper().readValue(workspace.definition, WorkspaceDefinition.class);
        } catch (Exception e) {
            throw new IllegalStateException("the stored definition of workspace '" + name + "' does not parse", e);
        }
    }

    /** Starts a rollout of the workspace, or of one of its regions; refused while another rollout runs. */
    @WithSpan("apply workspace")
    @Transactional
    public Rollout apply(@SpanAttribute("workspace") String name, @SpanAttribute("region") String region) {
        WorkspaceDefinition definition = definition(name);
        checkRegion(name, definition, region);
        Rollout rollout = startRollout(name, region);
        for (RolloutGraph.Node node : RolloutGraph.of(definition, region)) {
            RolloutStep step = newStep(rollout, node.key(), node.dns() ? RolloutStep.Kind.DNS : RolloutStep.Kind.PROVISION,
                    node.provider() == null ? null : node.provider().id(), node.dependsOn());
            if (!node.dns()) {
                step.command = RolloutScheduler.writeCommand(new ProvisionResource(rollout.id, node.address(),
                        node.provider(), node.providerRegion(), node.spec(), node.context()));
            }
            step.persist();
        }
        // The partial unique index on running rollouts turns a concurrent second apply into a constraint failure.
        Rollout.flush();
        scheduler.advance(rollout);
        return rollout;
    }

    private static void checkRegion(String name, WorkspaceDefinition definition, String region) {
        if (region != null && !definition.regions().containsKey(region)) {
            throw new InvalidWorkspaceException(List.of(new FieldError("region", region,
                    "not a region of workspace '" + name + "'", List.copyOf(definition.regions().keySet()))));
        }
    }

    private static Rollout startRollout(String name, String region) {
        Rollout.runningFor(name).ifPresent(running -> {
            throw new ConflictException("workspace '" + name + "' already has rollout " + running.id + " running");
        });
        Rollout rollout = new Rollout();
        rollout.id = UUID.randomUUID().toString();
        rollout.workspace = name;
        rollout.region = region;
        rollout.status = Rollout.Status.RUNNING;
        rollout.traceparent = TraceContextHeaders.traceparentOf(Context.current());
        rollout.createdAt = Instant.now();
        rollout.persist();
        return rollout;
    }

    private static RolloutStep newStep(Rollout rollout, String key, RolloutStep.Kind kind, String provider,
                                       List<String> dependsOn) {
        RolloutStep step = new RolloutStep();
        step.rolloutId = rollout.id;
        step.stepKey = key;
        step.kind = kind;
        step.address = key;
        step.provider = provider;
        step.dependsOn = String.join(",", dependsOn);
        step.status = RolloutStep.Status.PENDING;
        return step;
    }

    private static String write(WorkspaceDefinition definition) {
        try {
            return JsonMapping.mapper().writeValueAsString(definition);
        } catch (Exception e) {
            throw new IllegalStateException("cannot store workspace " + definition.name(), e);
        }
    }
}
