package dev.provisioning.planner.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.provisioning.planner.client.CatalogUnavailableException;
import dev.provisioning.planner.model.ConflictException;
import dev.provisioning.planner.model.FieldError;
import dev.provisioning.planner.model.InvalidWorkspaceException;
import dev.provisioning.planner.model.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps failures to RFC 7807 problem details ({@code application/problem+json}). */
public class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";

    /** An RFC 7807 problem, with the field errors of an invalid workspace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidWorkspaceException e) {
        return problem(400, "invalid-workspace", "The workspace is not valid", e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return problem(409, "conflict", "Conflict with the current state", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response concurrentApply(ConstraintViolationException e) {
        return problem(409, "conflict", "Conflict with the current state",
                "another rollout of this workspace started at the same time", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, "not-found", "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response catalogUnavailable(CatalogUnavailableException e) {
        return problem(503, "catalog-unavailable", "A provider catalog is unavailable", e.getMessage(), null);
    }

    private static Response problem(int status, String type, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem("https://provisioning.dev/problems/" + type, title, status, detail, null, errors))
                .build();
    }
}
