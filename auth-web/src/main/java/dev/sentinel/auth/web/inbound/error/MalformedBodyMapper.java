package dev.sentinel.auth.web.inbound.error;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or JSON of the wrong types, is the client's mistake: 400, never 500. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
        return Problems.response(400, "malformed-body", "Bad Request", HttpProblems.detail(400))
                .build();
    }
}
