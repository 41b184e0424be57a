package dev.provisioning.planner.service;

import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import dev.provisioning.planner.config.PlannerConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fails a step that was dispatched but never answered within the step timeout (its command or outcome dead-lettered,
 * or the service that answers it is down), so a rollout ends FAILED with the reason instead of running forever.
 */
@ApplicationScoped
public class StalledStepSweep {

    private static final Logger LOG = Logger.getLogger(StalledStepSweep.class);

    private final PlannerConfig config;
    private final RolloutScheduler scheduler;

    public StalledStepSweep(PlannerConfig config, RolloutScheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sweep() {
        Instant cutoff = Instant.now().minus(config.planner().stepTimeout());
        List<RolloutStep> stalled = RolloutStep.list("status = ?1 and dispatchedAt < ?2", RolloutStep.Status.DISPATCHED, cutoff);
        for (RolloutStep step : stalled) {
            step.status = RolloutStep.Status.FAILED;
            step.completedAt = Instant.now();
            step.detail = "no outcome within " + config.planner().stepTimeout() + " of dispatch: see "
                    + "provisioning.dead-letter and the logs of the service that handles " + step.kind + " steps";
            LOG.warnf("rollout %s: step %s stalled, failing it", step.rolloutId, step.stepKey);
            Rollout rollout = Rollout.findById(step.rolloutId);
            if (rollout != null) {
                scheduler.advance(rollout);
            }
        }
    }
}
