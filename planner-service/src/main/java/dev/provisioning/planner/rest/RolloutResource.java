package dev.provisioning.planner.rest;

import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import dev.provisioning.planner.model.NotFoundException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Rollouts and their steps. */
@Path("/api/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

    @GET
    @Path("{id}")
    @Operation(summary = "A rollout with each step, its status and timestamps")
    public RolloutView get(@PathParam("id") String id) {
        return view(id);
    }

    /**
     * The rollout's progress as Server-Sent Events: the rollout (with every step) each time anything in it changes,
     * ending after the event that shows it SUCCEEDED or FAILED.
     */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Progress of a rollout as Server-Sent Events, one per change, until it ends")
    public Multi<RolloutView> events(@PathParam("id") String id) {
        view(id);
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(PROGRESS_INTERVAL)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> QuarkusTransaction.requiringNew().call(() -> view(id)))
                // Up to and including the first view that shows the rollout ended, then only the changes.
                .select().first(view -> !ended.getAndSet(isFinal(view)))
                .skip().repetitions();
    }

    private static boolean isFinal(RolloutView view) {
        return !Rollout.Status.RUNNING.name().equals(view.status());
    }

    private static RolloutView view(String id) {
        Rollout rollout = Rollout.findById(id);
        if (rollout == null) {
            throw new NotFoundException("rollout '" + id + "' does not exist");
        }
        return RolloutView.of(rollout, RolloutStep.of(id));
    }
}
