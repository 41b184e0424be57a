package dev.provisioning.planner.service;

import dev.provisioning.contracts.cloudevents.JsonMapping;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.tracing.TraceContextHeaders;
import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import dev.provisioning.planner.Workspace;
import dev.provisioning.planner.model.ConflictException;
import dev.provisioning.planner.model.FieldError;
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
import java.util.UUID;

/** Declares workspaces and starts rollouts of them. */
@ApplicationScoped
public class WorkspaceService {

    private final WorkspaceParser parser;
    private final CatalogValidation catalog;
    private final RolloutScheduler scheduler;

    public WorkspaceService(WorkspaceParser parser, CatalogValidation catalog, RolloutScheduler scheduler) {
        this.parser = parser;
        this.catalog = catalog;
        this.scheduler = scheduler;
    }

    /** Validates and stores a workspace; nothing is stored when anything is wrong with it. */
    @WithSpan("declare workspace")
    @Transactional
    public WorkspaceDefinition declare(@SpanAttribute("workspace") String name, String json) {
        WorkspaceDefinition definition = parser.parse(name, json);
        catalog.check(definition);
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
        return definition;
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
        if (region != null && !definition.regions().containsKey(region)) {
            throw new InvalidWorkspaceException(List.of(new FieldError("region", region,
                    "not a region of workspace '" + name + "'", List.copyOf(definition.regions().keySet()))));
        }
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
        for (RolloutGraph.Node node : RolloutGraph.of(definition, region)) {
            RolloutStep step = new RolloutStep();
            step.rolloutId = rollout.id;
            step.stepKey = node.key();
            step.kind = node.dns() ? RolloutStep.Kind.DNS : RolloutStep.Kind.PROVISION;
            step.address = node.address().toString();
            step.provider = node.provider() == null ? null : node.provider().id();
            step.dependsOn = String.join(",", node.dependsOn());
            step.status = RolloutStep.Status.PENDING;
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

    private static String write(WorkspaceDefinition definition) {
        try {
            return JsonMapping.mapper().writeValueAsString(definition);
        } catch (Exception e) {
            throw new IllegalStateException("cannot store workspace " + definition.name(), e);
        }
    }
}
