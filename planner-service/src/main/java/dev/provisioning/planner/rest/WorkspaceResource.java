package dev.provisioning.planner.rest;

import dev.provisioning.planner.Rollout;
import dev.provisioning.planner.RolloutStep;
import dev.provisioning.planner.Workspace;
import dev.provisioning.planner.model.DeclaredWorkspace;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.service.PlanService;
import dev.provisioning.planner.service.WorkspaceService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Declares workspaces and applies them. */
@Path("/api/v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private final WorkspaceService workspaces;

    public WorkspaceResource(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @GET
    @Operation(summary = "List the declared workspaces")
    public List<Map<String, Object>> list() {
        return Workspace.<Workspace>listAll().stream()
                .map(w -> Map.<String, Object>of("name", w.name, "domain", w.domain, "updatedAt", w.updatedAt))
                .toList();
    }

    @POST
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Operation(summary = "Declare or replace a workspace (validated against the schema and the provider catalogs)")
    public Response declare(@PathParam("name") String name, String body) {
        boolean existed = Workspace.findById(name) != null;
        // The definition's fields, plus "warnings" when the catalogs have any (e.g. a deprecated server type).
        DeclaredWorkspace declared = workspaces.declareWithWarnings(name, body);
        return Response.status(existed ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/api/v1/workspaces/" + name)).entity(declared).build();
    }

    @PUT
    @Path("{name}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Operation(summary = "Declare or replace a workspace (same as POST)")
    public Response replace(@PathParam("name") String name, String body) {
        return declare(name, body);
    }

    @GET
    @Path("{name}")
    @Operation(summary = "The workspace's declared definition")
    public WorkspaceDefinition get(@PathParam("name") String name) {
        return workspaces.definition(name);
    }

    @POST
    @Path("{name}/apply")
    @Operation(summary = "Start a rollout of the whole workspace, of one region with ?region=, or of a stored plan "
            + "with ?planId= (409 when the plan is stale)")
    public Response apply(@PathParam("name") String name, @QueryParam("region") String region,
                          @QueryParam("planId") String planId) {
        Rollout rollout = planId == null ? workspaces.apply(name, region) : workspaces.applyPlan(name, planId);
        return accepted(name, rollout);
    }

    @POST
    @Path("{name}/plan")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Operation(summary = "What applying the given definition (or the stored one, with an empty body) would change, "
            + "per region, with the monthly cost delta; stored for apply by id")
    public PlanService.PlanView plan(@PathParam("name") String name, @QueryParam("region") String region, String body) {
        return workspaces.plan(name, body, region);
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Destroy every resource of the workspace, dependants first")
    public Response destroy(@PathParam("name") String name) {
        return accepted(name, workspaces.destroy(name));
    }

    private static Response accepted(String name, Rollout rollout) {
        return Response.accepted(Map.of("rolloutId", rollout.id, "workspace", name, "status", rollout.status.name(),
                        "href", "/api/v1/rollouts/" + rollout.id))
                .location(URI.create("/api/v1/rollouts/" + rollout.id)).build();
    }

    @GET
    @Path("{name}/rollouts")
    @Operation(summary = "The workspace's rollouts, newest first")
    public List<RolloutView> rollouts(@PathParam("name") String name) {
        workspaces.definition(name);
        return Rollout.<Rollout>list("workspace = ?1 order by createdAt desc", name).stream()
                .map(r -> RolloutView.of(r, RolloutStep.of(r.id))).toList();
    }
}
