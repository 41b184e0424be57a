package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Follows a rollout until it ends, drawing a progress bar per region; the exit code follows its final status.
 *
 * <p>It reads the planner's Server-Sent Events ({@code GET /api/v1/rollouts/{id}/events}, each event the whole rollout)
 * and redraws the bars on every event until one shows the rollout ended. It polls {@code GET /api/v1/rollouts/{id}}
 * instead when the stream is not there (any answer but a 2xx {@code text/event-stream}, such as 404 or 405, or the
 * planner not reachable) or when it ends, breaks or sends something unreadable before the rollout has ended. A stream
 * that gave its events ids and ended early is reconnected once with {@code Last-Event-ID} first.
 */
final class RolloutFollower {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The longest wait before reconnecting that a stream's {@code retry} field can ask for. */
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final PlannerApi planner;
    private final PrintWriter out;
    private final boolean interactive;
    private final long pollMillis;
    /** The bars on screen now. */
    private List<String> shown = List.of();

    RolloutFollower(PlannerApi planner, PrintWriter out, boolean interactive, long pollMillis) {
        this.planner = planner;
        this.out = out;
        this.interactive = interactive;
        this.pollMillis = pollMillis;
    }

    int follow(String rolloutId) {
        Instant started = Instant.now();
        out.println("Rollout " + rolloutId);
        out.flush();
        JsonNode rollout = fromEvents(rolloutId);
        if (rollout == null) {
            rollout = byPolling(rolloutId);
        }
        return summarize(rollout, Duration.between(started, Instant.now()));
    }

    /** What one connection to the event stream came to. */
    private record StreamOutcome(JsonNode finalRollout, boolean resumable, String lastEventId, Long retryMillis,
                                 String why) {

        static StreamOutcome ended(JsonNode rollout) {
            return new StreamOutcome(rollout, false, "", null, null);
        }

        static StreamOutcome unavailable(String why) {
            return new StreamOutcome(null, false, "", null, why);
        }
    }

    /** The rollout as the event that shows it ended has it, or {@code null} when the stream cannot get that far. */
    private JsonNode fromEvents(String rolloutId) {
        StreamOutcome streamed = readEvents(rolloutId, "");
        if (streamed.finalRollout() == null && streamed.resumable()) {
            planner.debug("rollout " + rolloutId + ": " + streamed.why() + "; resuming after event "
                    + streamed.lastEventId());
            sleep(streamed.retryMillis() == null ? pollMillis : Math.min(streamed.retryMillis(), MAX_RETRY_MILLIS));
            streamed = readEvents(rolloutId, streamed.lastEventId());
        }
        if (streamed.finalRollout() == null) {
            planner.debug("rollout " + rolloutId + ": " + streamed.why() + "; polling it instead");
        }
        return streamed.finalRollout();
    }

    /** Reads the events of one connection (resumed after {@code lastEventId} unless empty), drawing each. */
    private StreamOutcome readEvents(String rolloutId, String lastEventId) {
        HttpCalls.Streamed stream;
        try {
            stream = planner.rolloutEvents(rolloutId, lastEventId);
        } catch (HttpCalls.Unreachable e) {
            return StreamOutcome.unavailable("no event stream (" + e.getMessage() + ")");
        }
        try (stream) {
            if (!stream.ok() || !stream.isEventStream()) {
                return StreamOutcome.unavailable("no event stream (" + stream.status() + " "
                        + (stream.contentType() == null ? "without a content type" : stream.contentType()) + ")");
            }
            ServerSentEvents events = new ServerSentEvents(stream.body());
            String ended;
            try {
                ServerSentEvents.Event event;
                while ((event = events.next()) != null) {
                    if (!"message".equals(event.type())) {
                        continue;
                    }
                    JsonNode rollout = readRollout(event.data());
                    if (rollout == null) {
                        return StreamOutcome.unavailable("an unreadable event");
                    }
                    draw(rollout);
                    if (hasEnded(rollout)) {
                        // Closing the stream here: the rest of it has nothing more to say.
                        return StreamOutcome.ended(rollout);
                    }
                }
                ended = "the event stream ended before the rollout did";
            } catch (IOException e) {
                ended = "the event stream broke (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()) + ")";
            }
            boolean resumable = lastEventId.isEmpty() && !events.lastEventId().isEmpty();
            return new StreamOutcome(null, resumable, events.lastEventId(), events.retryMillis(), ended);
        }
    }

    /** An event's data as a rollout, or {@code null} when it is not one. */
    private static JsonNode readRollout(String data) {
        try {
            JsonNode rollout = MAPPER.readTree(data);
            return rollout != null && rollout.path("status").isTextual() ? rollout : null;
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode byPolling(String rolloutId) {
        while (true) {
            JsonNode rollout = planner.rollout(rolloutId);
            draw(rollout);
            if (hasEnded(rollout)) {
                return rollout;
            }
            sleep(pollMillis);
        }
    }

    private static boolean hasEnded(JsonNode rollout) {
        return !"RUNNING".equals(rollout.path("status").asText());
    }

    /** Draws the rollout's bars when they differ from those shown: in place on a terminal, else as a new block. */
    private void draw(JsonNode rollout) {
        List<String> bars = ProgressBars.render(rollout);
        if (bars.equals(shown)) {
            return;
        }
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliFailure.FAILURE, "interrupted while following the rollout");
        }
    }
}
