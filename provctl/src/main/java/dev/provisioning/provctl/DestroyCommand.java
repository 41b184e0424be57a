package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Destroys every resource of a workspace (dependants first) and follows the rollout. */
@Command(name = "destroy", description = "Destroy every resource of a workspace and follow the rollout.")
class DestroyCommand implements Callable<Integer> {

    @ParentCommand
    Provctl root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKSPACE", description = "The workspace name.")
    String workspace;

    @Option(names = "--auto-approve", description = "Destroy without asking first.")
    boolean autoApprove;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        if (!autoApprove) {
            out.print("Destroy every resource of workspace " + workspace + " in every region? Only 'yes' is accepted: ");
            out.flush();
            String answer = root.input.readLine();
            if (!"yes".equals(answer == null ? null : answer.trim())) {
                out.println("Destroy cancelled.");
                return CliFailure.FAILURE;
            }
        }
        PlannerApi planner = root.planner(spec);
        JsonNode started = planner.destroy(workspace);
        return new RolloutFollower(planner, out, root.interactive, root.pollMillis).follow(started.path("rolloutId").asText());
    }
}
