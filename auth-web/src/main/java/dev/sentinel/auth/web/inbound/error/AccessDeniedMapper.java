package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;

/** Liberty's @RolesAllowed check refuses with ForbiddenException: answer 403 and record ACCESS_DENIED. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<ForbiddenException> {
    @Inject
    AuthEventLog events;

    @Inject
    ClientResolver clients;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ForbiddenException e) {
        AuthEvent.Builder event = AuthEvent.of(AuthEventType.ACCESS_DENIED, Outcome.FAILURE, clock.instant())
                .client(clients.current())
                .reason("forbidden:" + uri.getPath());
        caller.find().ifPresent(who -> who.describe(event));
        events.recordAttempt(event.build());
        return Problems.response(403, "access-denied", "Forbidden", HttpProblems.detail(403))
                .build();
    }
}
