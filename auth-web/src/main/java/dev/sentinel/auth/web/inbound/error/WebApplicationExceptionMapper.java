package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.web.inbound.security.BearerChallenge;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routing and protocol errors of JAX-RS (404, 405, 406, 415, malformed bodies) as problem+json.
 * Their messages come from the framework, so the detail is ours, chosen by status.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = e instanceof BearerChallenge challenge ? challenge.getMessage() : HttpProblems.detail(status);
        Response.ResponseBuilder response = Problems.response(status, null, HttpProblems.title(status), detail);
        copy(e.getResponse(), response, HttpHeaders.WWW_AUTHENTICATE);
        copy(e.getResponse(), response, HttpHeaders.ALLOW);
        return response.build();
    }

    private static void copy(Response from, Response.ResponseBuilder to, String header) {
        String value = from.getHeaderString(header);
        if (value != null) {
            to.header(header, value);
        }
    }
}
