package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shows the workspace's latest rollout: per-region progress and failed steps. */
@Command(name = "status", description = "Show the latest rollout of a workspace.")
class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Provctl root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKSPACE", description = "The workspace name.")
    String workspace;

    @Override
    public Integer call() {
        PlannerApi planner = root.planner(spec);
        JsonNode rollouts = planner.rollouts(workspace);
        var out = spec.commandLine().getOut();
        if (!rollouts.isArray() || rollouts.isEmpty()) {
            out.println("Workspace " + workspace + " has no rollouts yet.");
            return 0;
        }
        JsonNode latest = rollouts.get(0);
        out.println("Workspace " + workspace + ": latest rollout " + latest.path("id").asText() + " ("
                + (latest.hasNonNull("region") ? "region " + latest.get("region").asText() : "all regions")
                + ", started " + latest.path("createdAt").asText("?") + ")");
        ProgressBars.render(latest).forEach(out::println);
        new RolloutFollower(planner, out, false, root.pollMillis).summarize(latest, null);
        return 0;
    }
}
