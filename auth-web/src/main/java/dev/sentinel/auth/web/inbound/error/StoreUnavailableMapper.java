package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.error.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Objects;
import java.util.logging.Logger;

/** A database that cannot be reached is a 503, which clients (and load balancers) may retry: not a bug. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {
    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class.getName());

    @Override
    public Response toResponse(StoreUnavailableException e) {
        // the failure's class only: a driver's message may name the host or the user
        LOG.warning("database unavailable: "
                + Objects.requireNonNullElse(e.getCause(), e).getClass().getName());
        return Problems.response(
                        503,
                        "database-unavailable",
                        "Service Unavailable",
                        "The service cannot reach its database; try again shortly.")
                .header("Retry-After", 5)
                .build();
    }
}
