package dev.sentinel.auth.web.inbound.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The last resort: a 500 whose detail is an incident id to find in the log, never a stack trace. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + ": " + e.getClass().getName(), e);
        return Problems.response(
                        500,
                        null,
                        "Internal Server Error",
                        "The server could not complete the request (incident " + incident + ").")
                .build();
    }
}
