package dev.sentinel.auth.error;

import java.time.Duration;

/**
 * More password hashes are waiting than can be computed within the bound: the request is shed instead of
 * queued, and the caller may retry after {@link #retryAfter()}. Not an {@link AuthException}: the request
 * broke no rule, so it is neither audited as a refusal nor counted as a failed login.
 */
public final class HashingBusyException extends RuntimeException {
    private final Duration retryAfter;

    public HashingBusyException(Duration retryAfter) {
        super("Too many password checks are waiting; try again shortly.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
