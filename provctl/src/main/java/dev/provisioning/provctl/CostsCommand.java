package dev.provisioning.provctl;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints the workspace's cost table (per region, provider and component) from cost-service. */
@Command(name = "costs", description = "Show what the workspace costs per month, from cost-service.")
class CostsCommand implements Callable<Integer> {

    @ParentCommand
    Provctl root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKSPACE", description = "The workspace name.")
    String workspace;

    @Option(names = "--cost-service", defaultValue = "http://127.0.0.1:8086",
            description = "cost-service's base URL (default: ${DEFAULT-VALUE}).")
    String costService;

    @Override
    public Integer call() {
        String base = costService.endsWith("/") ? costService.substring(0, costService.length() - 1) : costService;
        URI uri = URI.create(base + "/api/v1/costs/" + URLEncoder.encode(workspace, StandardCharsets.UTF_8));
        HttpCalls.Reply reply = root.http(spec).send("GET", uri, null, "text/markdown");
        if (!reply.ok()) {
            throw PlannerApi.failure(reply);
        }
        var out = spec.commandLine().getOut();
        out.println(reply.body().stripTrailing());
        out.flush();
        return 0;
    }
}
