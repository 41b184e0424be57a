package dev.provisioning.provctl;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Checks a workspace locally, then against the provider catalogs through the planner when it is reachable. */
@Command(name = "validate", description = "Check a workspace (workspace.ncl + config.toml, .json or .yaml).")
class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Provctl root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A workspace directory or file.")
    Path path;

    @Override
    public Integer call() {
        LocalWorkspace workspace = LocalWorkspace.read(path);
        var out = spec.commandLine().getOut();
        out.println("Workspace " + workspace.name() + " (" + workspace.file() + ") is valid: "
                + workspace.regionCount() + " regions, " + workspace.resourceCount() + " resources"
                + (workspace.evaluatedWith() == null ? "" : "; evaluated with " + workspace.evaluatedWith()) + ".");
        PlannerApi planner = root.planner(spec);
        HttpCalls.Reply reply;
        try {
            reply = planner.plan(workspace.name(), null, workspace.json());
        } catch (HttpCalls.Unreachable e) {
            out.println("Note: checked locally only; the planner at " + planner.baseUrl()
                    + " is not reachable, so sizes and regions were not checked against the provider catalogs.");
            return 0;
        }
        if (reply.status() == 404 || reply.status() == 405) {
            out.println("Note: checked locally only; the planner at " + planner.baseUrl() + " has no plan endpoint.");
            return 0;
        }
        if (!reply.ok()) {
            throw PlannerApi.failure(reply);
        }
        out.println("The planner accepts it (regions and sizes checked against the provider catalogs).");
        return 0;
    }
}
