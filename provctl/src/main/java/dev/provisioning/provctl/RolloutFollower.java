package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Polls a rollout until it ends, drawing a progress bar per region; the exit code follows its final status. */
final class RolloutFollower {

    private final PlannerApi planner;
    private final PrintWriter out;
    private final boolean interactive;
    private final long pollMillis;

    RolloutFollower(PlannerApi planner, PrintWriter out, boolean interactive, long pollMillis) {
        this.planner = planner;
        this.out = out;
        this.interactive = interactive;
        this.pollMillis = pollMillis;
    }

    int follow(String rolloutId) {
        Instant started = Instant.now();
        out.println("Rollout " + rolloutId);
        List<String> shown = List.of();
        JsonNode rollout;
        while (true) {
            rollout = planner.rollout(rolloutId);
            List<String> bars = ProgressBars.render(rollout);
            if (!bars.equals(shown)) {
                if (interactive && !shown.isEmpty()) {
                    // Move the cursor back over the previous bars so they redraw in place.
                    out.print("\033[" + shown.size() + "A");
                }
                for (String bar : bars) {
                    out.println(interactive ? bar + "\033[K" : bar);
                }
                if (!interactive) {
                    out.println();
                }
                out.flush();
                shown = bars;
            }
            if (!"RUNNING".equals(rollout.path("status").asText())) {
                break;
            }
            sleep();
        }
        return summarize(rollout, Duration.between(started, Instant.now()));
    }

    int summarize(JsonNode rollout, Duration took) {
        String status = rollout.path("status").asText();
        out.print("Rollout " + rollout.path("id").asText() + " " + status);
        if (took != null) {
            out.print(" after " + took.toSeconds() + "s");
        }
        if (rollout.hasNonNull("traceId")) {
            out.print(" (trace " + rollout.get("traceId").asText() + ")");
        }
        out.println();
        for (JsonNode step : rollout.path("steps")) {
            if ("FAILED".equals(step.path("status").asText())) {
                out.println("  failed: " + step.path("address").asText() + ": " + step.path("detail").asText(""));
            }
        }
        out.flush();
        return "SUCCEEDED".equals(status) ? 0 : CliFailure.FAILURE;
    }

    private void sleep() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliFailure.FAILURE, "interrupted while following the rollout");
        }
    }
}
