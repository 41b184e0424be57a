package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Declares the workspace, starts a rollout of it (or one region) and follows it to the end. */
@Command(name = "apply", description = "Apply the workspace (all regions, or one with --region) and follow the rollout.")
class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    Provctl root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A workspace directory or file.")
    Path path;

    @Option(names = "--region", paramLabel = "R", description = "Apply one region only.")
    String region;

    @Option(names = "--auto-approve", description = "Apply without showing the plan and asking first.")
    boolean autoApprove;

    @Override
    public Integer call() throws IOException {
        LocalWorkspace workspace = LocalWorkspace.read(path);
        PlannerApi planner = root.planner(spec);
        var out = spec.commandLine().getOut();
        String approvedPlan = null;
        if (!autoApprove) {
            HttpCalls.Reply reply = planner.plan(workspace.name(), region, workspace.json());
            if (reply.ok()) {
                JsonNode plan = planner.expectJson(reply);
                out.print(PlanRenderer.render(plan));
                if (plan.path("empty").asBoolean(false)) {
                    out.flush();
                    return 0;
                }
                approvedPlan = plan.path("planId").asText(null);
            } else if (reply.status() != 404 && reply.status() != 405) {
                throw PlannerApi.failure(reply);
            }
            out.print("\nApply " + (region == null ? "workspace " + workspace.name() : "region " + region + " of "
                    + workspace.name()) + "? Only 'yes' is accepted: ");
            out.flush();
            String answer = root.input.readLine();
            if (!"yes".equals(answer == null ? null : answer.trim())) {
                out.println("Apply cancelled.");
                return CliFailure.FAILURE;
            }
        }
        JsonNode started;
        if (approvedPlan != null) {
            // Exactly what was shown: the planner refuses it (409) if the state changed since the plan was made.
            started = planner.applyPlan(workspace.name(), approvedPlan);
        } else {
            planner.declare(workspace.name(), workspace.json());
            started = planner.apply(workspace.name(), region);
        }
        String rolloutId = started.path("rolloutId").asText();
        return new RolloutFollower(planner, out, root.interactive, root.pollMillis).follow(rolloutId);
    }
}
