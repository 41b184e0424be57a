package dev.provisioning.costservice.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.costservice.service.InvalidFieldException;
import dev.provisioning.costservice.service.PriceDataUnavailableException;
import dev.provisioning.costservice.service.UnknownWorkspaceException;
import dev.provisioning.costservice.service.UnsupportedProviderException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the service's exceptions into RFC 7807 {@code application/problem+json} responses. */
public class ProblemResponses {

    private static final String TYPES = "https://provisioning.dev/problems/";

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e, UriInfo uri) {
        return respond(new Problem(TYPES + "invalid-field", "Invalid request field", 400, e.getMessage(),
                uri.getPath(), e.field(), e.value(), e.allowed()));
    }

    @ServerExceptionMapper
    public Response unknownWorkspace(UnknownWorkspaceException e, UriInfo uri) {
        return respond(new Problem(TYPES + "unknown-workspace", "Unknown workspace", 404, e.getMessage(),
                uri.getPath(), "workspace", e.workspace(), null));
    }

    @ServerExceptionMapper
    public Response unsupportedProvider(UnsupportedProviderException e, UriInfo uri) {
        return respond(new Problem(TYPES + "invalid-field", "Invalid request field", 400, e.getMessage(),
                uri.getPath(), "provider", e.provider(), e.allowed()));
    }

    @ServerExceptionMapper
    public Response priceDataUnavailable(PriceDataUnavailableException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(TYPES + "price-data-unavailable",
                        "Price data unavailable", 503, e.getMessage(), uri.getPath(), null, null, null)))
                .header("Retry-After", "60")
                .build();
    }

    private Response respond(Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write problem detail", e);
        }
        // Written here so the problem type wins over the Accept header of a Markdown or JSON request.
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
