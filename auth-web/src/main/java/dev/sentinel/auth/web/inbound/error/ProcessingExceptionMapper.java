package dev.sentinel.auth.web.inbound.error;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Some JSON-B failures reach us wrapped by the JAX-RS runtime while it reads the entity. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
        return Problems.response(400, "malformed-body", "Bad Request", HttpProblems.detail(400))
                .build();
    }
}
