package dev.provisioning.dnsservice.rest;

import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.dnsservice.ManagedZone;
import dev.provisioning.dnsservice.service.DnsInventory;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Read-only view of the hosted zones and records dns-service manages for a workspace. */
@Path("/api/v1/dns")
@Produces(MediaType.APPLICATION_JSON)
public class DnsResource {

    private final DnsInventory inventory;

    public DnsResource(DnsInventory inventory) {
        this.inventory = inventory;
    }

    @GET
    @Path("/{workspace}")
    @WithSpan("dns.view")
    @Operation(summary = "Hosted zones and managed records of a workspace")
    @APIResponse(responseCode = "200", description = "The workspace's zones and records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkspaceDns.class)))
    @APIResponse(responseCode = "400", description = "The workspace name is not a valid name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "dns-service manages nothing for this workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkspaceDns workspace(@PathParam("workspace") String workspace) {
        if (!ResourceAddress.isValidSegment(workspace)) {
            throw ProblemException.badRequest("/problems/invalid-workspace", "path parameter 'workspace' ('"
                    + workspace + "') is invalid: use lowercase letters, digits, '.', '_' or '-' "
                    + "(1-128 characters, alphanumeric at both ends)");
        }
        List<ManagedZone> zones = inventory.zones(workspace);
        List<ManagedRecord> records = inventory.records(workspace);
        if (zones.isEmpty() && records.isEmpty()) {
            throw ProblemException.notFound("/problems/unknown-workspace", "dns-service manages no hosted zone or "
                    + "record for workspace '" + workspace + "'");
        }
        return WorkspaceDns.of(workspace, zones, records);
    }
}
