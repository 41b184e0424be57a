package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shows what applying a workspace would change and what it would cost per month. */
@Command(name = "plan", description = "Show what applying the workspace would change, with the monthly cost delta.")
class PlanCommand implements Callable<Integer> {

    @ParentCommand
    Provctl root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A workspace directory or file.")
    Path path;

    @Option(names = "--json", description = "Print the plan as the planner's JSON.")
    boolean json;

    @Option(names = "--region", paramLabel = "R", description = "Plan one region only.")
    String region;

    @Override
    public Integer call() throws Exception {
        LocalWorkspace workspace = LocalWorkspace.read(path);
        PlannerApi planner = root.planner(spec);
        JsonNode plan = planner.expectJson(planner.plan(workspace.name(), region, workspace.json()));
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(plan));
        } else {
            out.print(PlanRenderer.render(plan));
        }
        out.flush();
        return 0;
    }
}
