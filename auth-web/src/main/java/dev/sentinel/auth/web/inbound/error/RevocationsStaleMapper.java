package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.web.token.RevocationsStaleException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A protected call while this instance cannot know of revocations: 503, which clients and balancers retry. */
@Provider
public class RevocationsStaleMapper implements ExceptionMapper<RevocationsStaleException> {
    @Override
    public Response toResponse(RevocationsStaleException e) {
        return Problems.response(503, "revocations-stale", "Service Unavailable", e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, 5)
                .build();
    }
}
