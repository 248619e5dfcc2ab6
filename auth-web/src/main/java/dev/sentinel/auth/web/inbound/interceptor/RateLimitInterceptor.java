package dev.sentinel.auth.web.inbound.interceptor;

import dev.sentinel.auth.error.TooManyRequestsException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.ratelimit.RateDecision;
import dev.sentinel.auth.ratelimit.RateLimit;
import dev.sentinel.auth.ratelimit.RateLimiter;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.web.config.AbuseSettings;
import dev.sentinel.auth.web.config.Bucket;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.error.DelaySeconds;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Locale;

/** Outermost: a refused request does no other work and records only RATE_LIMITED. */
@RateLimited(Bucket.LOGIN)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {
    @Inject
    RateLimiter limiter;

    @Inject
    AbuseSettings settings;

    @Inject
    ClientResolver clients;

    @Inject
    AuthEventLog events;

    @Inject
    Clock clock;

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        Bucket bucket = Bindings.of(invocation, RateLimited.class).value();
        ClientInfo client = clients.current();
        String name = bucket.name().toLowerCase(Locale.ROOT);
        RateLimit limit = settings.limitOf(bucket);
        if (limit.isOff()) {
            return invocation.proceed();
        }
        RateDecision decision = limiter.acquire(name + ":" + client.network(), limit, clock.instant());
        if (!decision.allowed()) {
            events.recordAttempt(AuthEvent.of(AuthEventType.RATE_LIMITED, Outcome.FAILURE, clock.instant())
                    .client(client)
                    .reason(name)
                    .build());
            throw TooManyRequestsException.rateLimited(decision.retryAfter());
        }
        Object result = invocation.proceed();
        if (result instanceof Response response) {
            return Response.fromResponse(response)
                    .header("RateLimit-Limit", decision.limit())
                    .header("RateLimit-Remaining", decision.remaining())
                    .header("RateLimit-Reset", DelaySeconds.of(decision.resetAfter()))
                    .build();
        }
        return result;
    }
}
