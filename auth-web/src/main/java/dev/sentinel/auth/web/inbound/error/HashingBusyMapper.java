package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.error.HashingBusyException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Load shed by the bounded password hashing: a 503 the client may retry, not a fault (docs/api.md). */
@Provider
public class HashingBusyMapper implements ExceptionMapper<HashingBusyException> {
    @Override
    public Response toResponse(HashingBusyException e) {
        return Problems.response(503, "hashing-busy", "Service Unavailable", e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, DelaySeconds.of(e.retryAfter())))
                .build();
    }
}
