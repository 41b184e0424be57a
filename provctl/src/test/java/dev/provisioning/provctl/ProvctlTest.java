package dev.provisioning.provctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI against a small stand-in of the planner's REST contract. */
class ProvctlTest {

    static final String WORKSPACE = Path.of("..", "deploy", "workspaces", "multi-region-ha").toString();

    private HttpServer planner;
    private String plannerUrl;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rolloutPolls = new AtomicInteger();
    private volatile String finalStatus = "SUCCEEDED";
    private volatile int planStatus = 200;

    // The event stream: its status, whether its events carry ids, how many connections end before the last event.
    private volatile int eventsStatus = 200;
    private volatile boolean eventIds = false;
    private final AtomicInteger connectionsEndingEarly = new AtomicInteger();
    private final List<String> eventsAccepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> resumedAfter = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean progressShownBeforeTheLastEvent;
    private volatile boolean clientLeftAfterTheLastEvent;
    private ExecutorService plannerThreads;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startPlanner() throws IOException {
        planner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        planner.createContext("/", this::handle);
        // A thread per exchange, so that an open event stream holds up nothing else.
        plannerThreads = Executors.newCachedThreadPool();
        planner.setExecutor(plannerThreads);
        planner.start();
        plannerUrl = "http://127.0.0.1:" + planner.getAddress().getPort();
    }

    @AfterEach
    void stopPlanner() {
        planner.stop(0);
        plannerThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().toString();
        calls.add(method + " " + path);
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (method.equals("POST") && path.matches("/api/v1/workspaces/[^/]+/plan.*")) {
            if (planStatus == 400) {
                reply(exchange, 400, "application/problem+json", "{\"title\":\"The workspace is not valid\",\"status\":400,"
                        + "\"errors\":[{\"field\":\"regions.us-east.resources[0].size\",\"value\":\"s-99\","
                        + "\"message\":\"unknown DigitalOcean size\",\"allowed\":[\"s-1vcpu-1gb\"]}]}");
            } else {
                reply(exchange, 200, "application/json", RenderingTest.PLAN);
            }
        } else if (method.equals("POST") && path.matches("/api/v1/workspaces/[^/]+/apply.*")) {
            reply(exchange, 202, "application/json", "{\"rolloutId\":\"r-42\",\"href\":\"/api/v1/rollouts/r-42\"}");
        } else if (method.equals("POST") && path.matches("/api/v1/workspaces/[^/]+")) {
            reply(exchange, 201, "application/json", "{}");
        } else if (method.equals("DELETE") && path.matches("/api/v1/workspaces/[^/]+")) {
            reply(exchange, 202, "application/json", "{\"rolloutId\":\"r-43\"}");
        } else if (method.equals("GET") && path.matches("/api/v1/rollouts/[^/]+/events")) {
            streamEvents(exchange, path.split("/")[4]);
        } else if (method.equals("GET") && path.startsWith("/api/v1/rollouts/")) {
            boolean done = rolloutPolls.incrementAndGet() >= 3;
            reply(exchange, 200, "application/json", rollout(path.substring(path.lastIndexOf('/') + 1),
                    done ? finalStatus : "RUNNING", done));
        } else if (method.equals("GET") && path.matches("/api/v1/workspaces/[^/]+/rollouts")) {
            reply(exchange, 200, "application/json", "[" + rollout("r-41", "SUCCEEDED", true) + "]");
        } else if (method.equals("GET") && path.startsWith("/api/v1/costs/")) {
            reply(exchange, 200, "text/markdown", "| Component | US East |\n|---|---|\n| Compute | $72 |\n");
        } else {
            reply(exchange, 404, "application/problem+json", "{\"title\":\"Not found\",\"status\":404,\"detail\":\"no such"
                    + " thing\"}");
        }
    }

    /**
     * The rollout's events as the planner streams them: the whole rollout per event (the first one's JSON split over
     * two data lines, then a repeat of it), a comment, and the event that shows it ended. The stream waits for the
     * first bars before that last event, then keeps the connection open with comments until the client leaves. A
     * connection counted in {@link #connectionsEndingEarly} closes before the last event; with {@link #eventIds}
     * the events carry ids ("1", "2", "3") and a {@code Last-Event-ID} resumes after that one.
     */
    private void streamEvents(HttpExchange exchange, String id) throws IOException {
        eventsAccepted.add(exchange.getRequestHeaders().getFirst("Accept"));
        String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (lastEventId != null) {
            resumedAfter.add(lastEventId);
        }
        if (eventsStatus != 200) {
            reply(exchange, eventsStatus, "application/problem+json", "{\"title\":\"Not found\",\"status\":"
                    + eventsStatus + "}");
            return;
        }
        String running = rollout(id, "RUNNING", false);
        int splitAt = running.indexOf(",\"steps\"");
        List<String> events = List.of(
                "data: " + running.substring(0, splitAt) + "\ndata:" + running.substring(splitAt) + "\n",
                "data: " + running + "\n",
                "data: " + rollout(id, finalStatus, true) + "\n");
        int from = lastEventId == null ? 0 : Integer.parseInt(lastEventId);
        boolean endsEarly = connectionsEndingEarly.getAndDecrement() > 0;
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            send(body, ": connected\n\n");
            for (int i = from; i < events.size(); i++) {
                if (i == events.size() - 1) {
                    if (endsEarly) {
                        return;
                    }
                    progressShownBeforeTheLastEvent |= awaitOutput("1 in progress");
                }
                send(body, (eventIds ? "id: " + (i + 1) + "\n" : "") + events.get(i) + "\n");
            }
            clientLeftAfterTheLastEvent = keepOpenUntilTheClientLeaves(body);
        } catch (IOException e) {
            // The client closed the stream.
        }
    }

    private static void send(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private boolean awaitOutput(String text) {
        for (int i = 0; i < 500 && !out.toString().contains(text); i++) {
            sleep(10);
        }
        return out.toString().contains(text);
    }

    private static boolean keepOpenUntilTheClientLeaves(OutputStream body) {
        try {
            for (int i = 0; i < 100; i++) {
                sleep(50);
                send(body, ": still here\n\n");
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String rollout(String id, String status, boolean done) {
        String last = !done ? "DISPATCHED" : status.equals("FAILED") ? "FAILED" : "SUCCEEDED";
        return "{\"id\":\"" + id + "\",\"workspace\":\"multi-region-ha\",\"status\":\"" + status + "\",\"traceId\":\"abc\","
                + "\"steps\":[{\"address\":\"multi-region-ha/us-east/vpc/us-vpc\",\"status\":\"SUCCEEDED\"},"
                + "{\"address\":\"multi-region-ha/eu-central/server/hetzner-eu-1\",\"status\":\"" + last + "\","
                + "\"detail\":\"" + (last.equals("FAILED") ? "server type unavailable" : "") + "\"}]}";
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private int runWithInput(String stdin, String... args) {
        Provctl root = new Provctl();
        root.interactive = false;
        root.pollMillis = 5;
        root.input = new BufferedReader(new StringReader(stdin));
        return Provctl.commandLine(root, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private int run(String... args) {
        return runWithInput("", args);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("bogus"));
        assertEquals(2, run("plan"));
        assertEquals(2, run("apply", WORKSPACE, "--no-such-option"));
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("validate"));
    }

    @Test
    void validatePassesLocallyWhenThePlannerIsDown() {
        assertEquals(0, run("validate", WORKSPACE, "--planner", "http://127.0.0.1:9"));
        assertTrue(out.toString().contains("Workspace multi-region-ha"), out.toString());
        assertTrue(out.toString().contains("3 regions, 19 resources"), out.toString());
        assertTrue(out.toString().contains("checked locally only"), out.toString());
    }

    @Test
    void validateAsksThePlannerWhenReachable() {
        assertEquals(0, run("validate", WORKSPACE, "--planner", plannerUrl));
        assertEquals(List.of("POST /api/v1/workspaces/multi-region-ha/plan"), calls);
        assertTrue(out.toString().contains("The planner accepts it"));
    }

    @Test
    void rejectedWorkspacesExitWithTwoAndAReadableList() {
        planStatus = 400;
        assertEquals(2, run("validate", WORKSPACE, "--planner", plannerUrl));
        assertEquals("""
                The workspace is not valid (400)
                  regions.us-east.resources[0].size: unknown DigitalOcean size (s-99) — allowed: s-1vcpu-1gb
                """, err.toString());
    }

    @Test
    void anInvalidLocalWorkspaceExitsWithTwo() {
        assertEquals(2, run("validate", "no/such/dir"));
        assertTrue(err.toString().contains("no/such/dir: no such file or directory"), err.toString());
    }

    @Test
    void jsonAndYamlFormsSendTheSamePlanRequest() {
        assertEquals(0, run("plan", WORKSPACE + "/workspace.ncl", "--planner", plannerUrl));
        assertEquals(0, run("plan", WORKSPACE + "/equivalents/workspace.json", "--planner", plannerUrl));
        assertEquals(0, run("plan", WORKSPACE + "/equivalents/workspace.yaml", "--planner", plannerUrl));
        assertEquals(bodies.get(0), bodies.get(1));
        assertEquals(bodies.get(0), bodies.get(2));
        assertTrue(out.toString().contains("  ~ multi-region-ha/us-east/droplet/us-app-1"), out.toString());
        assertTrue(out.toString().contains("Monthly cost: +$42.50/month"));
    }

    @Test
    void planJsonAndRegion() {
        assertEquals(0, run("plan", WORKSPACE, "--json", "--region", "eu-central", "--planner", plannerUrl));
        assertEquals(List.of("POST /api/v1/workspaces/multi-region-ha/plan?region=eu-central"), calls);
        assertTrue(out.toString().contains("\"planId\" : \"p-1\""), out.toString());
    }

    @Test
    void applyDeclaresStartsAndFollowsTheRolloutsEvents() {
        assertEquals(0, run("--debug", "apply", WORKSPACE, "--region", "us-east", "--auto-approve",
                "--planner", plannerUrl));
        assertEquals(List.of("POST /api/v1/workspaces/multi-region-ha",
                "POST /api/v1/workspaces/multi-region-ha/apply?region=us-east",
                "GET /api/v1/rollouts/r-42/events"), calls);
        assertEquals(List.of("text/event-stream"), eventsAccepted);
        assertTrue(bodies.get(0).contains("\"regions\""), "the declared workspace is the model");
        String shown = out.toString();
        String inProgress = "eu-central       [------------------------------]   0%  0/1  1 in progress";
        String done = "eu-central       [##############################] 100%  1/1";
        assertTrue(shown.contains(inProgress), shown);
        assertTrue(shown.contains(done), shown);
        assertEquals(shown.indexOf(inProgress), shown.lastIndexOf(inProgress), "a repeated event draws nothing new");
        assertTrue(shown.indexOf(inProgress) < shown.indexOf(done), shown);
        assertTrue(shown.contains("Rollout r-42 SUCCEEDED"), shown);
        assertTrue(progressShownBeforeTheLastEvent, "the bars are drawn as the events arrive");
        assertTrue(eventually(() -> clientLeftAfterTheLastEvent), "the last event ends the stream");
        assertTrue(err.toString().contains("[http] POST " + plannerUrl + "/api/v1/workspaces/multi-region-ha -> 201 ("),
                err.toString());
        assertTrue(err.toString().contains("[http] GET " + plannerUrl + "/api/v1/rollouts/r-42/events -> 200 ("),
                err.toString());
        assertFalse(err.toString().toLowerCase().contains("authorization"));
    }

    @Test
    void aFailedRolloutExitsWithOne() {
        finalStatus = "FAILED";
        assertEquals(1, run("apply", WORKSPACE, "--auto-approve", "--planner", plannerUrl));
        assertEquals("GET /api/v1/rollouts/r-42/events", calls.get(calls.size() - 1));
        assertTrue(out.toString().contains("eu-central       [##############################] 100%  0/1  1 failed"),
                out.toString());
        assertTrue(out.toString().contains("Rollout r-42 FAILED"), out.toString());
        assertTrue(out.toString().contains("failed: multi-region-ha/eu-central/server/hetzner-eu-1: server type"
                + " unavailable"), out.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405})
    void withoutAnEventStreamTheRolloutIsPolled(int status) {
        eventsStatus = status;
        assertEquals(0, run("--debug", "apply", WORKSPACE, "--region", "us-east", "--auto-approve",
                "--planner", plannerUrl));
        assertEquals(List.of("POST /api/v1/workspaces/multi-region-ha",
                "POST /api/v1/workspaces/multi-region-ha/apply?region=us-east", "GET /api/v1/rollouts/r-42/events",
                "GET /api/v1/rollouts/r-42", "GET /api/v1/rollouts/r-42", "GET /api/v1/rollouts/r-42"), calls);
        String shown = out.toString();
        assertTrue(shown.contains("eu-central       [------------------------------]   0%  0/1  1 in progress"), shown);
        assertTrue(shown.contains("eu-central       [##############################] 100%  1/1"), shown);
        assertTrue(shown.contains("Rollout r-42 SUCCEEDED"), shown);
        assertTrue(err.toString().contains("[http] GET " + plannerUrl + "/api/v1/rollouts/r-42/events -> " + status),
                err.toString());
        assertTrue(err.toString().contains("[http] GET " + plannerUrl + "/api/v1/rollouts/r-42 -> 200 ("),
                err.toString());
    }

    @Test
    void aFailedRolloutIsAlsoReportedWhenPolled() {
        eventsStatus = 404;
        finalStatus = "FAILED";
        assertEquals(1, run("apply", WORKSPACE, "--auto-approve", "--planner", plannerUrl));
        assertEquals("GET /api/v1/rollouts/r-42", calls.get(calls.size() - 1));
        assertTrue(out.toString().contains("Rollout r-42 FAILED"), out.toString());
    }

    @Test
    void aStreamWithoutIdsThatEndsEarlyIsFollowedByPolling() {
        connectionsEndingEarly.set(1);
        assertEquals(0, run("apply", WORKSPACE, "--auto-approve", "--planner", plannerUrl));
        assertEquals(List.of("GET /api/v1/rollouts/r-42/events", "GET /api/v1/rollouts/r-42",
                "GET /api/v1/rollouts/r-42", "GET /api/v1/rollouts/r-42"), calls.subList(2, calls.size()));
        assertTrue(resumedAfter.isEmpty());
        assertTrue(out.toString().contains("Rollout r-42 SUCCEEDED"), out.toString());
    }

    @Test
    void aStreamWithIdsThatEndsEarlyIsResumedOnce() {
        eventIds = true;
        connectionsEndingEarly.set(1);
        assertEquals(0, run("apply", WORKSPACE, "--auto-approve", "--planner", plannerUrl));
        assertEquals(List.of("GET /api/v1/rollouts/r-42/events", "GET /api/v1/rollouts/r-42/events"),
                calls.subList(2, calls.size()));
        assertEquals(List.of("2"), resumedAfter);
        String shown = out.toString();
        assertTrue(shown.contains("eu-central       [##############################] 100%  1/1"), shown);
        assertTrue(shown.contains("Rollout r-42 SUCCEEDED"), shown);
    }

    @Test
    void aResumedStreamThatEndsEarlyAgainIsFollowedByPolling() {
        eventIds = true;
        connectionsEndingEarly.set(2);
        finalStatus = "FAILED";
        assertEquals(1, run("apply", WORKSPACE, "--auto-approve", "--planner", plannerUrl));
        assertEquals(List.of("GET /api/v1/rollouts/r-42/events", "GET /api/v1/rollouts/r-42/events",
                "GET /api/v1/rollouts/r-42", "GET /api/v1/rollouts/r-42", "GET /api/v1/rollouts/r-42"),
                calls.subList(2, calls.size()));
        assertEquals(List.of("2"), resumedAfter);
        assertTrue(out.toString().contains("Rollout r-42 FAILED"), out.toString());
    }

    private static boolean eventually(BooleanSupplier condition) {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Test
    void applyShowsThePlanAndNeedsYes() {
        assertEquals(1, runWithInput("no\n", "apply", WORKSPACE, "--planner", plannerUrl));
        assertTrue(out.toString().contains("Plan: 1 to create"));
        assertTrue(out.toString().contains("Apply cancelled."));
        assertEquals(List.of("POST /api/v1/workspaces/multi-region-ha/plan"), calls);

        calls.clear();
        assertEquals(0, runWithInput("yes\n", "apply", WORKSPACE, "--planner", plannerUrl));
        // The approved plan itself is applied, by id: no second declaration that could differ from what was shown.
        assertEquals(List.of("POST /api/v1/workspaces/multi-region-ha/plan", "POST /api/v1/workspaces/multi-region-ha/apply?planId=p-1"),
                calls.subList(0, 2));
    }

    @Test
    void statusShowsTheLatestRollout() {
        assertEquals(0, run("status", "multi-region-ha", "--planner", plannerUrl));
        assertEquals(List.of("GET /api/v1/workspaces/multi-region-ha/rollouts"), calls);
        assertTrue(out.toString().contains("Rollout r-41 SUCCEEDED (trace abc)"), out.toString());
    }

    @Test
    void costsPrintsCostServiceMarkdown() {
        assertEquals(0, run("costs", "multi-region-ha", "--cost-service", plannerUrl));
        assertEquals(List.of("GET /api/v1/costs/multi-region-ha"), calls);
        assertTrue(out.toString().startsWith("| Component | US East |"));
    }

    @Test
    void destroyDeletesAndFollows() {
        assertEquals(0, run("destroy", "multi-region-ha", "--auto-approve", "--planner", plannerUrl));
        assertEquals("DELETE /api/v1/workspaces/multi-region-ha", calls.get(0));
        assertTrue(out.toString().contains("Rollout r-43 SUCCEEDED"));
    }

    @Test
    void destroyWithoutYesChangesNothing() {
        assertEquals(1, runWithInput("\n", "destroy", "multi-region-ha", "--planner", plannerUrl));
        assertTrue(calls.isEmpty());
    }

    @Test
    void unknownThingsFromThePlannerExitWithOne() {
        assertEquals(1, run("status", "nope/x", "--planner", plannerUrl + "/elsewhere"));
        assertTrue(err.toString().startsWith("Not found (404)"), err.toString());
    }

    @Test
    void anUnreachablePlannerExitsWithOne() {
        assertEquals(1, run("status", "multi-region-ha", "--planner", "http://127.0.0.1:9"));
        assertTrue(err.toString().contains("is not reachable"), err.toString());
    }
}
