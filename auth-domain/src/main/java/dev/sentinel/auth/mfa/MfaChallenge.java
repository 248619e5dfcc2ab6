package dev.sentinel.auth.mfa;

import java.time.Instant;
import java.util.UUID;

/**
 * A login that proved the password and waits for a second factor, named by the SHA-256 of its mfa_token. It
 * remembers the password's version, so that a password replaced meanwhile ends it.
 */
public record MfaChallenge(String tokenHash, UUID userId, int credentialVersion, Instant expiresAt) {
    /** Wrong codes after which the challenge is gone: a fresh password login is needed. */
    public static final int MAX_TRIES = 5;
}
