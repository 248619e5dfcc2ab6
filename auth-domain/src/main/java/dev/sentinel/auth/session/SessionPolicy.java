package dev.sentinel.auth.session;

import java.time.Duration;

/**
 * Lifetimes of a session: {@code refreshTokenTtl} is the idle limit (each refresh extends it),
 * {@code maxLifetime} the absolute one, {@code reuseWindow} the grace for a replay of a rotated token.
 */
public record SessionPolicy(Duration refreshTokenTtl, Duration maxLifetime, Duration reuseWindow) {
    public static final SessionPolicy DEFAULT =
            new SessionPolicy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(10));
}
