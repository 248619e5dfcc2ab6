package dev.sentinel.auth.mfa;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's TOTP factor: pending until a first code confirms it, then enabled. {@code lastUsedStep} is the time step
 * of the last code accepted (-1 before any), so that a code is never accepted twice.
 */
public record TotpFactor(UUID userId, String sealedSecret, boolean enabled, long lastUsedStep, Instant createdAt) {
    public static TotpFactor pending(UUID userId, String sealedSecret, Instant now) {
        return new TotpFactor(userId, sealedSecret, false, -1, now);
    }

    /** The context a secret is sealed for: a sealed secret copied to another user's row does not open. */
    public static String sealingContext(UUID userId) {
        return "totp:" + userId;
    }

    @Override
    public String toString() {
        return "TotpFactor[userId=" + userId + ", enabled=" + enabled + "]";
    }
}
