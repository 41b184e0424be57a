package dev.provisioning.planner.service;

import dev.provisioning.contracts.Topics;
import dev.provisioning.contracts.cloudevents.JsonMapping;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.RolloutCompleted;
import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Moves a rollout along its dependency graph: dispatches every step whose dependencies have succeeded (in parallel
 * across regions and providers), and closes the rollout when all steps succeeded or one failed.
 */
@ApplicationScoped
public class RolloutScheduler {

    private static final Logger LOG = Logger.getLogger(RolloutScheduler.class);

    private final Outbox outbox;

    public RolloutScheduler(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithSpan("advance rollout")
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(Rollout rollout) {
        if (rollout.status != Rollout.Status.RUNNING) {
            return;
        }
        List<RolloutStep> steps = RolloutStep.of(rollout.id);
        Set<String> succeeded = steps.stream().filter(s -> s.status == RolloutStep.Status.SUCCEEDED)
                .map(s -> s.stepKey).collect(Collectors.toSet());
        if (steps.stream().anyMatch(s -> s.status == RolloutStep.Status.FAILED)) {
            finish(rollout, Rollout.Status.FAILED, steps.size());
            return;
        }
        if (succeeded.size() == steps.size()) {
            finish(rollout, Rollout.Status.SUCCEEDED, steps.size());
            return;
        }
        for (RolloutStep step : steps) {
            if (step.status == RolloutStep.Status.PENDING && succeeded.containsAll(step.dependencies())) {
                dispatch(rollout, step);
            }
        }
    }

    private void dispatch(Rollout rollout, RolloutStep step) {
        step.status = RolloutStep.Status.DISPATCHED;
        step.dispatchedAt = Instant.now();
        if (step.kind == RolloutStep.Kind.PROVISION) {
            ProvisionResource command = readCommand(step.command);
            outbox.enqueue(Topics.commands(command.provider()), command);
        } else if (step.kind == RolloutStep.Kind.DELETE) {
            DeleteResource command = readDeleteCommand(step.command);
            outbox.enqueue(Topics.commands(command.provider()), command);
        }
        // A DNS step needs no command: dns-service follows the events and reports the record it wrote.
        LOG.infof("rollout %s dispatched %s", rollout.id, step.stepKey);
    }

    private void finish(Rollout rollout, Rollout.Status status, int stepCount) {
        rollout.status = status;
        rollout.finishedAt = Instant.now();
        outbox.enqueue(Topics.EVENTS, new RolloutCompleted(rollout.id, rollout.workspace, status.name(), stepCount,
                rollout.finishedAt));
        LOG.infof("rollout %s of workspace %s %s", rollout.id, rollout.workspace, status);
    }

    static String writeCommand(Object command) {
        try {
            return JsonMapping.mapper().writeValueAsString(command);
        } catch (Exception e) {
            throw new IllegalStateException("cannot store a command", e);
        }
    }

    static ProvisionResource readCommand(String json) {
        return readCommand(json, ProvisionResource.class);
    }

    static DeleteResource readDeleteCommand(String json) {
        return readCommand(json, DeleteResource.class);
    }

    private static <T> T readCommand(String json, Class<T> type) {
        try {
            return JsonMapping.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("a stored command does not parse", e);
        }
    }
}
