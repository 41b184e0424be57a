package dev.provisioning.planner.rest;

import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import dev.provisioning.planner.model.NotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rollouts and their steps. */
@Path("/api/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

    @GET
    @Path("{id}")
    @Operation(summary = "A rollout with each step, its status and timestamps")
    public RolloutView get(@PathParam("id") String id) {
        Rollout rollout = Rollout.findById(id);
        if (rollout == null) {
            throw new NotFoundException("rollout '" + id + "' does not exist");
        }
        return RolloutView.of(rollout, RolloutStep.of(id));
    }
}
