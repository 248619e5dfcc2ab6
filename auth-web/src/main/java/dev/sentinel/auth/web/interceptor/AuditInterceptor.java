package dev.sentinel.auth.web.interceptor;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.web.client.ClientResolver;
import dev.sentinel.auth.web.dto.NamesAnEmail;
import dev.sentinel.auth.web.dto.TokenResponse;
import dev.sentinel.auth.web.security.CurrentCaller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

/**
 * Records the auth event of an endpoint from what it was given and what it answered, so that resources
 * and use cases stay about their own job. Refusals are recorded with the domain's reason.
 */
@Audited(AuthEventType.LOGIN)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class AuditInterceptor {
    @Inject
    AuthEventLog events;
    @Inject
    ClientResolver clients;
    @Inject
    CurrentCaller caller;
    @Inject
    RequestTimer timer;
    @Inject
    Clock clock;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        AuthEventType type = Bindings.of(invocation, Audited.class).value();
        long started = System.nanoTime();
        try {
            Object result = invocation.proceed();
            events.record(describe(type, Outcome.SUCCESS, invocation, result).build());
            return result;
        } catch (AuthException refusal) {
            events.record(describe(type, Outcome.FAILURE, invocation, null).reason(refusal.reason()).build());
            throw refusal;
        } finally {
            timer.record(type, System.nanoTime() - started);
        }
    }

    private AuthEvent.Builder describe(AuthEventType type, Outcome outcome, InvocationContext invocation,
                                       Object result) {
        AuthEvent.Builder event = AuthEvent.of(type, outcome, clock.instant()).client(clients.current());
        Arrays.stream(invocation.getParameters()).filter(NamesAnEmail.class::isInstance).findFirst()
                .map(named -> ((NamesAnEmail) named).email()).filter(java.util.Objects::nonNull)
                .ifPresent(email -> event.email(email.strip().toLowerCase(java.util.Locale.ROOT)));
        caller.find().ifPresent(who -> who.describe(event));
        Arrays.stream(invocation.getParameters()).filter(UUID.class::isInstance).findFirst()
                .ifPresent(target -> event.session((UUID) target));
        if (result instanceof Response response && response.getEntity() instanceof TokenResponse tokens) {
            event.user(UUID.fromString(tokens.user().id())).email(tokens.user().email())
                    .session(UUID.fromString(tokens.sessionId()));
        }
        return event;
    }
}
