package dev.provisioning.costservice.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.costservice.service.CostEstimate;
import dev.provisioning.costservice.service.CostEstimator;
import dev.provisioning.costservice.service.EstimateRequest;
import dev.provisioning.costservice.service.WorkspaceCostReport;
import dev.provisioning.costservice.service.WorkspaceCosts;
import dev.provisioning.costservice.service.WorkspaceProjection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cost views per workspace and plan-time estimates. */
@Path("/api/v1/costs")
@Tag(name = "costs", description = "Monthly costs from the providers' own price data, in USD")
public class CostResource {

    private static final MediaType MARKDOWN = MediaType.valueOf(MarkdownCostTable.MEDIA_TYPE);

    private final WorkspaceCosts costs;
    private final CostEstimator estimator;
    private final WorkspaceProjection projection;
    private final ObjectMapper json;

    public CostResource(WorkspaceCosts costs, CostEstimator estimator, WorkspaceProjection projection,
                        ObjectMapper json) {
        this.costs = costs;
        this.estimator = estimator;
        this.projection = projection;
        this.json = json;
    }

    @GET
    @Path("{workspace}")
    @Produces({MediaType.APPLICATION_JSON, MarkdownCostTable.MEDIA_TYPE})
    @Operation(summary = "A workspace's monthly costs by region, provider and component",
            description = "JSON by default; with Accept: text/markdown, a table with components as rows and regions"
                    + " as columns.")
    @APIResponse(responseCode = "200", description = "The workspace's costs", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WorkspaceCostReport.class)),
            @Content(mediaType = MarkdownCostTable.MEDIA_TYPE, schema = @Schema(implementation = String.class))})
    @APIResponse(responseCode = "404", description = "No resource of the workspace was ever reported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response workspace(@PathParam("workspace") String workspace, HttpHeaders headers) {
        WorkspaceCostReport report = costs.report(workspace);
        if (prefersMarkdown(headers)) {
            return Response.ok(MarkdownCostTable.render(report), MARKDOWN.withCharset("UTF-8")).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Estimate the monthly cost of planned resources",
            description = "Prices each {provider, priceKey, count} from the provider's own price data. With a"
                    + " workspace, also projects the whole workspace after the plan (its stored monthly total, minus"
                    + " removedAddresses, plus the estimate); with budgetMonthlyUsd, records it as the workspace's"
                    + " budget, compares, and when the projection exceeds it answers a warning and publishes"
                    + " BudgetExceeded.")
    @APIResponse(responseCode = "200", description = "The estimate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CostEstimate.class)))
    @APIResponse(responseCode = "400", description = "A field names an unknown provider or price key, or is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "A provider's price data cannot be read right now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EstimateRequest.class)))
    public CostEstimate estimate(String body) {
        EstimateRequest request = EstimateBodies.read(json, body);
        CostEstimate priced = estimator.estimate(request);
        projection.validate(request);
        return projection.project(request, priced);
    }

    /** The first acceptable type (highest quality first) decides; a wildcard means JSON. */
    private static boolean prefersMarkdown(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(MARKDOWN)) {
                return true;
            }
        }
        return false;
    }
}
