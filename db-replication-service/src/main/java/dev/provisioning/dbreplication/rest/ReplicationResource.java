package dev.provisioning.dbreplication.rest;

import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.dbreplication.service.TopologyQuery;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Read-only view of a workspace's database primary and replicas. */
@Path("/api/v1/replication")
@Produces(MediaType.APPLICATION_JSON)
public class ReplicationResource {

    private final TopologyQuery topology;

    public ReplicationResource(TopologyQuery topology) {
        this.topology = topology;
    }

    @GET
    @Path("/{workspace}")
    @WithSpan("replication.view")
    @Operation(summary = "Database primary and replicas of a workspace, and where each is hosted")
    @APIResponse(responseCode = "200", description = "The workspace's database topology",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReplicationTopology.class)))
    @APIResponse(responseCode = "400", description = "The workspace name is not a valid name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No database server of this workspace was ever reported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReplicationTopology workspace(@PathParam("workspace") String workspace) {
        if (!ResourceAddress.isValidSegment(workspace)) {
            throw ProblemException.badRequest("/problems/invalid-workspace", "path parameter 'workspace' ('"
                    + workspace + "') is invalid: use lowercase letters, digits, '.', '_' or '-' "
                    + "(1-128 characters, alphanumeric at both ends)");
        }
        return topology.liveNodes(workspace)
                .map(nodes -> ReplicationTopology.of(workspace, nodes))
                .orElseThrow(() -> ProblemException.notFound("/problems/unknown-workspace",
                        "no database of workspace '" + workspace
                                + "' has been reported"));
    }
}
