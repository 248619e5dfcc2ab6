package dev.sentinel.auth.error;

import java.time.Duration;

/** Rate limit or lockout: the caller may try again after {@link #retryAfter()}. */
public final class TooManyRequestsException extends AuthException {
    private final Duration retryAfter;

    private TooManyRequestsException(String reason, String message, Duration retryAfter) {
        super(reason, message);
        this.retryAfter = retryAfter;
    }

    public static TooManyRequestsException rateLimited(Duration retryAfter) {
        return new TooManyRequestsException("rate_limited", "Too many requests; try again later.", retryAfter);
    }

    public static TooManyRequestsException locked(Duration retryAfter) {
        return new TooManyRequestsException(
                "account_locked", "Too many failed logins for this account; try again later.", retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
