package dev.provisioning.contracts.messages;

import java.time.Instant;

/** Event from the planner: a rollout reached a final status ({@code SUCCEEDED} or {@code FAILED}). */
public record RolloutCompleted(String rolloutId, String workspace, String status, int steps, Instant finishedAt)
        implements ProvisioningMessage {

    public RolloutCompleted {
        Require.text(rolloutId, "rolloutId");
        Require.text(workspace, "workspace");
        Require.text(status, "status");
        Require.present(finishedAt, "finishedAt");
    }

    @Override
    public String key() {
        return workspace;
    }
}
