package dev.sentinel.auth.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a 500 whose detail is an incident id to find in the log, never a stack trace; or a 503
 * when the database cannot be reached, which clients (and load balancers) may retry.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (isDatabaseFailure(e)) {
            LOG.warning("database unavailable: " + e.getClass().getName());
            return Problems.response(503, "database-unavailable", "Service Unavailable",
                    "The service cannot reach its database; try again shortly.").header("Retry-After", 5).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + ": " + e.getClass().getName(), e);
        return Problems.response(500, null, "Internal Server Error",
                "The server could not complete the request (incident " + incident + ").").build();
    }

    /** A lost or refused connection (SQLSTATE class 08), not any SQL error: a bug must stay a 500. */
    private static boolean isDatabaseFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
