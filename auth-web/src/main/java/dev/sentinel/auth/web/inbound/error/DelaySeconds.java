package dev.sentinel.auth.web.inbound.error;

import java.time.Duration;

/** Whole seconds for Retry-After and RateLimit-Reset (RFC 9110 delay-seconds), rounded up: never too early. */
public final class DelaySeconds {
    private DelaySeconds() {}

    public static long of(Duration delay) {
        return (delay.toMillis() + 999) / 1000;
    }
}
