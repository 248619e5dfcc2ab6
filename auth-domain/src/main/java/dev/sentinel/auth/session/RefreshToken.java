package dev.sentinel.auth.session;

import java.time.Instant;
import java.util.UUID;

/** The stored side of a refresh token: its hash, never the token itself. */
public record RefreshToken(
        String tokenHash,
        UUID sessionId,
        Instant issuedAt,
        Instant expiresAt,
        Instant rotatedAt,
        String sealedSuccessor) {

    public static RefreshToken issue(OpaqueToken token, Session session, Instant now, SessionPolicy policy) {
        Instant idleLimit = now.plus(policy.refreshTokenTtl());
        Instant expiresAt = idleLimit.isBefore(session.expiresAt()) ? idleLimit : session.expiresAt();
        return new RefreshToken(token.hash(), session.id(), now, expiresAt, null, null);
    }

    /** What presenting this token at {@code now} means; see docs/api.md "Refresh rotation and reuse". */
    public RefreshDecision decide(Session session, Instant now, SessionPolicy policy) {
        if (!session.isLive(now)) {
            return RefreshDecision.SESSION_ENDED;
        }
        if (rotatedAt != null) {
            boolean withinWindow = !now.isAfter(rotatedAt.plus(policy.reuseWindow()));
            return withinWindow ? RefreshDecision.REPLAY_SUCCESSOR : RefreshDecision.REUSE_DETECTED;
        }
        return now.isBefore(expiresAt) ? RefreshDecision.ROTATE : RefreshDecision.EXPIRED;
    }

    public RefreshToken rotated(Instant now, String sealedSuccessor) {
        return new RefreshToken(tokenHash, sessionId, issuedAt, expiresAt, now, sealedSuccessor);
    }
}
