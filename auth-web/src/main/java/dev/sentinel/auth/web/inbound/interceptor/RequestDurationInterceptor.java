package dev.sentinel.auth.web.inbound.interceptor;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Inside the rate limit: a refused request is not timed. */
@RequestDuration("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class RequestDurationInterceptor {
    @Inject
    RequestTimer timer;

    @AroundInvoke
    Object time(InvocationContext invocation) throws Exception {
        long started = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            timer.record(Bindings.of(invocation, RequestDuration.class).value(), System.nanoTime() - started);
        }
    }
}
