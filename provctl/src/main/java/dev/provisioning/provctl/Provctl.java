package dev.provisioning.provctl;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The provctl command line: validate, plan, apply, status, costs and destroy a workspace through the planner. */
@Command(name = "provctl", mixinStandardHelpOptions = true, version = "provctl 0.1.0",
        description = "Declare, plan, apply and destroy multi-cloud workspaces through the planner.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, StatusCommand.class,
            CostsCommand.class, DestroyCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (the planner failed, a rollout failed, a service is unreachable)",
            "2:usage or validation error"})
public class Provctl implements Runnable {

    @Option(names = "--planner", defaultValue = "http://127.0.0.1:8080", scope = ScopeType.INHERIT,
            description = "The planner's base URL (default: ${DEFAULT-VALUE}).")
    String planner;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print every HTTP call: method, URL, status, time.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** Where confirmations are read from; tests replace it. */
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    /** Whether progress bars redraw in place (a terminal) or print a new block when something changes. */
    boolean interactive = System.console() != null;

    /** How often a rollout is polled, in milliseconds. */
    long pollMillis = 1000;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: validate, plan, apply, status,"
                + " costs or destroy");
    }

    PlannerApi planner(CommandSpec commandSpec) {
        return new PlannerApi(planner, new HttpCalls(debug, commandSpec.commandLine().getErr()));
    }

    HttpCalls http(CommandSpec commandSpec) {
        return new HttpCalls(debug, commandSpec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Provctl(), new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }

    /** A command line around {@code root} writing to the given streams, with provctl's exit codes. */
    public static CommandLine commandLine(Provctl root, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter errors = cmd.getErr();
            if (exception instanceof CliFailure failure) {
                errors.println(failure.getMessage());
                errors.flush();
                return failure.exitCode();
            }
            if (exception instanceof HttpCalls.Unreachable unreachable) {
                errors.println(unreachable.getMessage() + "; is the stack running? (deploy/local/up)");
                errors.flush();
                return CliFailure.FAILURE;
            }
            errors.println("provctl: " + exception);
            errors.flush();
            return CliFailure.FAILURE;
        });
        return commandLine;
    }
}
