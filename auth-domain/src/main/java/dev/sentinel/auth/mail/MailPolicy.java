package dev.sentinel.auth.mail;

import java.time.Duration;

/** How long links live, how long a mail is retried, and how many reset mails one address gets. */
public record MailPolicy(Duration verificationTtl, Duration resetTtl, Duration maxAge, int resetMailsPerHour) {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public MailPolicy {
        if (verificationTtl.isNegative() || verificationTtl.isZero() || resetTtl.isNegative() || resetTtl.isZero()) {
            throw new IllegalArgumentException("link lifetimes must be positive");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the mail max-age must be positive");
        }
    }

    public Duration linkLifetime(MailPurpose purpose) {
        return purpose == MailPurpose.PASSWORD_RESET ? resetTtl : verificationTtl;
    }

    /** 1 s, 2 s, 4 s ... at most 30 s between attempts, so a mail goes out soon after the server is back. */
    public Duration backoff(int attemptsMade) {
        return attemptsMade >= 5 ? MAX_BACKOFF : Duration.ofSeconds(1L << attemptsMade);
    }
}
