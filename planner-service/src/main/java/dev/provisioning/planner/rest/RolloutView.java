package dev.provisioning.planner.rest;

import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import java.time.Instant;
import java.util.List;

/** A rollout as the REST API shows it: its status and each step with its timestamps. */
public record RolloutView(String id, String workspace, String region, String status, String traceId,
                          Instant createdAt, Instant finishedAt, List<StepView> steps) {

    /** One step of a rollout. */
    public record StepView(String key, String kind, String address, String provider, List<String> dependsOn,
                           String status, Instant dispatchedAt, Instant completedAt, String providerId, String detail) {
    }

    static RolloutView of(Rollout rollout, List<RolloutStep> steps) {
        return new RolloutView(rollout.id, rollout.workspace, rollout.region, rollout.status.name(),
                traceIdOf(rollout.traceparent), rollout.createdAt,
                rollout.finishedAt, steps.stream().map(s -> new StepView(s.stepKey, s.kind.name(), s.address, s.provider,
                        s.dependencies(), s.status.name(), s.dispatchedAt, s.completedAt, s.providerId, s.detail)).toList());
    }

    /** The trace id of a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), to find the rollout's trace. */
    private static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 ? parts[1] : null;
    }
}
