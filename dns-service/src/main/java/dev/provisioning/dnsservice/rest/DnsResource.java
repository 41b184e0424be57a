package dev.provisioning.dnsservice.rest;

import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.dnsservice.ManagedRecord;
import dev.provisioning.dnsservice.ManagedZone;
import dev.provisioning.dnsservice.client.Route53Gateway;
import dev.provisioning.dnsservice.service.DnsInventory;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
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

    private static final Logger LOG = Logger.getLogger(DnsResource.class);

    private final DnsInventory inventory;
    private final Route53Gateway route53;

    public DnsResource(DnsInventory inventory, Route53Gateway route53) {
        this.inventory = inventory;
        this.route53 = route53;
    }

    @GET
    @Path("/{workspace}")
    @WithSpan("dns.view")
    @Operation(summary = "Hosted zones, managed records, health checks with their status and apex routing of a workspace")
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
        if (zones.isEmpty() && records.isEmpty() && inventory.apexRecords(workspace).isEmpty()) {
            throw ProblemException.notFound("/problems/unknown-workspace", "dns-service manages no hosted zone or "
                    + "record for workspace '" + workspace + "'");
        }
        List<WorkspaceDns.HealthCheck> healthChecks = inventory.healthChecks(workspace).stream()
                .map(check -> WorkspaceDns.HealthCheck.of(check, status(check.healthCheckId))).toList();
        return WorkspaceDns.of(workspace, zones, records, healthChecks, inventory.apexRecords(workspace));
    }

    /** What Route53's checkers report now; the view still answers when Route53 cannot be asked. */
    private String status(String healthCheckId) {
        try {
            return route53.isHealthy(healthCheckId) ? "healthy" : "unhealthy";
        } catch (SdkException e) {
            LOG.warnf("health check %s status unavailable: %s", healthCheckId, e.getMessage());
            return "unknown";
        }
    }
}
