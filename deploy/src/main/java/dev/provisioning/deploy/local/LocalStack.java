package dev.provisioning.deploy.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The local-stack launcher behind {@code deploy/local/up}, {@code down} and {@code status}: starts
 * Kafka, PostgreSQL, cloud-sim and the seven services as child processes, applies a workspace and
 * reports the rollout, then runs until Ctrl-C (or returns at once with {@code --detach}).
 */
public final class LocalStack {

    static final String DEFAULT_WORKSPACE = "deploy/workspaces/multi-region-ha";
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_ALREADY_RUNNING = 3;

    private static final String USAGE = """
            usage: LocalStack up [--detach] [--workspace FILE_OR_DIR] [--no-apply] [--keep-data]
                                 [--kafka-port N] [--postgres-port N] [--cloud-sim-port N]
                                 [--ready-timeout SECONDS] [--repo DIR] [--state-dir DIR]
                   LocalStack down   [--repo DIR] [--state-dir DIR]
                   LocalStack status [--repo DIR] [--state-dir DIR]
            """;

    private LocalStack() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(EXIT_USAGE);
        }
        Arguments parsed;
        try {
            parsed = Arguments.parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        int status = switch (args[0]) {
            case "up" -> up(parsed, out);
            case "down" -> down(parsed, out);
            case "status" -> status(parsed, out);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.err.print(USAGE);
                yield EXIT_USAGE;
            }
        };
        out.flush();
        System.exit(status);
    }

    private static int up(Arguments args, PrintStream out) {
        Instant begin = Instant.now();
        StackProcesses stack;
        try {
            out.printf("Starting the local stack from %s (state in %s)%n", args.repo, args.repo.resolve(args.stateDir));
            stack = StackProcesses.start(args.repo, args.options(out));
        } catch (StackAlreadyRunningException e) {
            System.err.println(e.getMessage());
            return EXIT_ALREADY_RUNNING;
        } catch (RuntimeException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            return EXIT_FAILED;
        }

        boolean applyFailed = false;
        if (args.apply) {
            Path workspace = args.workspace.isAbsolute() ? args.workspace : args.repo.resolve(args.workspace);
            try {
                RolloutReport report = stack.applyWorkspace(workspace);
                out.println();
                out.print(report.render());
                if (report.succeeded()) {
                    out.printf("Time from start to SUCCEEDED: %s (stack ready after %s, rollout %s)%n",
                            RolloutReport.seconds(Duration.between(begin, Instant.now())),
                            RolloutReport.seconds(stack.startupTook()), RolloutReport.seconds(report.took()));
                } else {
                    applyFailed = true;
                }
            } catch (RuntimeException e) {
                applyFailed = true;
                out.println("Applying the workspace failed: " + e.getMessage());
            }
        }
        printWhereToLook(stack, args, out);

        if (args.detach) {
            stack.detach();
            out.println("Detached: the stack keeps running. Stop it with deploy/local/down.");
            return applyFailed ? EXIT_FAILED : 0;
        }
        out.println("Running. Press Ctrl-C to stop everything.");
        out.flush();
        watchUntilInterrupted(stack, out);
        return 0;
    }

    /** Reports children that die on their own; the shutdown hook on Ctrl-C stops the rest. */
    private static void watchUntilInterrupted(StackProcesses stack, PrintStream out) {
        Set<String> reported = new HashSet<>();
        while (true) {
            for (String name : stack.exitedUnexpectedly()) {
                if (reported.add(name)) {
                    out.printf("%s exited unexpectedly; see %s%n", name, stack.logFile(name));
                    out.flush();
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int down(Arguments args, PrintStream out) {
        List<String> stopped = StackProcesses.stopRecorded(args.repo, args.stateDir, out);
        out.println(stopped.isEmpty()
                ? "No local stack is running (no live processes in " + args.repo.resolve(args.stateDir).resolve("pids") + ")."
                : "Stopped: " + String.join(", ", stopped));
        return 0;
    }

    private static int status(Arguments args, PrintStream out) {
        List<String> running = StackProcesses.runningRecorded(args.repo, args.stateDir);
        out.println(running.isEmpty() ? "No local stack is running." : "Running: " + String.join(", ", running));
        return running.isEmpty() ? EXIT_FAILED : 0;
    }

    private static void printWhereToLook(StackProcesses stack, Arguments args, PrintStream out) {
        Path logs = args.repo.relativize(stack.logDir());
        out.println();
        out.println("Where to look:");
        out.printf("  %-22s %s/api/v1/workspaces  (OpenAPI %s/q/openapi)%n", "planner API", stack.plannerUrl(),
                stack.plannerUrl());
        for (StackService service : args.options(out).services()) {
            out.printf("  %-22s %s  (/q/health, /q/metrics)  log %s%n", service.name(), stack.serviceUrl(service.name()),
                    logs.resolve(service.name() + ".log"));
        }
        out.printf("  %-22s %s  (aws --endpoint-url %s …; HCLOUD_ENDPOINT=%s/v1 hcloud …)  log %s%n", "cloud-sim",
                stack.cloudSimUrl(), stack.cloudSimUrl(), stack.cloudSimUrl(), logs.resolve("cloud-sim.log"));
        out.printf("  %-22s %s  (kcat -b %s -t provisioning.events -C -f '%%h %%k %%s\\n')  log %s%n", "Kafka",
                stack.kafkaBootstrapServers(), stack.kafkaBootstrapServers(), logs.resolve("kafka.log"));
        out.printf("  %-22s %s  (user %s; password in %s)  log %s%n", "PostgreSQL",
                stack.postgresJdbcUrl("planner"), stack.postgresUsername(),
                args.repo.relativize(args.repo.resolve(args.stateDir).resolve("data/postgres"))
                        .resolve("provisioning-superuser.password"),
                logs.resolve("postgres.log"));
        out.printf("  %-22s %s%n", "all logs", logs);
    }

    /** Parsed command-line options, with defaults from the environment. */
    private static final class Arguments {
        Path repo = Path.of(envOr("PROVISIONING_REPO_ROOT", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path stateDir = Path.of(envOr("PROVISIONING_STATE_DIR", ".local"));
        Path workspace = Path.of(envOr("PROVISIONING_WORKSPACE", DEFAULT_WORKSPACE));
        boolean detach;
        boolean apply = true;
        boolean keepData;
        int kafkaPort = intEnv("PROVISIONING_KAFKA_PORT", StackOptions.DEFAULT_KAFKA_PORT);
        int postgresPort = intEnv("PROVISIONING_POSTGRES_PORT", StackOptions.DEFAULT_POSTGRES_PORT);
        int cloudSimPort = intEnv("PROVISIONING_CLOUD_SIM_PORT", StackOptions.DEFAULT_CLOUD_SIM_PORT);
        int readyTimeoutSeconds = intEnv("PROVISIONING_READY_TIMEOUT", 180);

        static Arguments parse(List<String> args) {
            Arguments parsed = new Arguments();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--detach", "-d" -> parsed.detach = true;
                    case "--no-apply" -> parsed.apply = false;
                    case "--keep-data" -> parsed.keepData = true;
                    case "--workspace", "-w" -> parsed.workspace = Path.of(value(args, ++i, arg));
                    case "--repo" -> parsed.repo = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
                    case "--state-dir" -> parsed.stateDir = Path.of(value(args, ++i, arg));
                    case "--kafka-port" -> parsed.kafkaPort = port(value(args, ++i, arg), arg);
                    case "--postgres-port" -> parsed.postgresPort = port(value(args, ++i, arg), arg);
                    case "--cloud-sim-port" -> parsed.cloudSimPort = port(value(args, ++i, arg), arg);
                    case "--ready-timeout" -> parsed.readyTimeoutSeconds = port(value(args, ++i, arg), arg);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (!Files.isDirectory(parsed.repo.resolve("deploy"))) {
                throw new IllegalArgumentException(parsed.repo + " is not the repository root (no deploy/ folder);"
                        + " run from the root or pass --repo DIR");
            }
            return parsed;
        }

        StackOptions options(PrintStream out) {
            return StackOptions.defaults()
                    .withKafkaPort(kafkaPort)
                    .withPostgresPort(postgresPort)
                    .withCloudSimPort(cloudSimPort)
                    .withStateDir(stateDir)
                    .withKeepData(keepData)
                    .withReadyTimeout(Duration.ofSeconds(readyTimeoutSeconds))
                    .withProgress(out);
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }

        private static int port(String value, String option) {
            try {
                int number = Integer.parseInt(value);
                if (number < 1 || number > 65535) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number from 1 to 65535, not '" + value + "'");
            }
        }

        private static String envOr(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        private static int intEnv(String name, int fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : port(value, name);
        }
    }
}
