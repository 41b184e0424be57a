package dev.provisioning.dbreplication.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns request errors into RFC 7807 {@code application/problem+json} responses. */
public class ProblemExceptionMappers {

    private static final String ABOUT_BLANK = "about:blank";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), uri.getPath()));
    }

    /** Unknown paths, wrong methods and the like: the same shape as our own errors. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem(ABOUT_BLANK, status.getReasonPhrase(), status.getStatusCode(), e.getMessage(),
                uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
