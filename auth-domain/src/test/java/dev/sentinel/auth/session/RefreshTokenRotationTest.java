package dev.sentinel.auth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenRotationTest {
    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");
    private static final SessionPolicy POLICY =
            new SessionPolicy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(10));
    private static final OpaqueToken TOKEN = new OpaqueToken("presented-token");

    private final Session session = Session.open(UUID.randomUUID(), new ClientInfo("10.0.0.1", "test"), START, POLICY);
    private final RefreshToken fresh = RefreshToken.issue(TOKEN, session, START, POLICY);

    @Test
    void liveUnusedTokenIsRotated() {
        assertEquals(RefreshDecision.ROTATE, fresh.decide(session, START.plus(Duration.ofDays(1)), POLICY));
    }

    @Test
    void tokenIsStillLiveOneMilliBeforeItsExpiry() {
        assertEquals(
                RefreshDecision.ROTATE, fresh.decide(session, fresh.expiresAt().minusMillis(1), POLICY));
    }

    @Test
    void tokenAtItsExpiryIsExpired() {
        assertEquals(RefreshDecision.EXPIRED, fresh.decide(session, fresh.expiresAt(), POLICY));
    }

    @Test
    void tokenPastItsExpiryIsExpired() {
        assertEquals(RefreshDecision.EXPIRED, fresh.decide(session, START.plus(Duration.ofDays(8)), POLICY));
    }

    @Test
    void revokedSessionEndsEvenAnUnusedToken() {
        // given
        Instant now = START.plus(Duration.ofHours(1));
        Session revoked = revokedAt(session, now.minusSeconds(1));

        // when
        RefreshDecision decision = fresh.decide(revoked, now, POLICY);

        // then
        assertEquals(RefreshDecision.SESSION_ENDED, decision);
    }

    @Test
    void sessionPastItsAbsoluteExpiryIsEnded() {
        // given: a token issued late in the session, whose idle limit would reach beyond it
        Instant late = START.plus(Duration.ofDays(29));
        RefreshToken lateToken = RefreshToken.issue(TOKEN, session, late, POLICY);

        // when
        RefreshDecision decision = lateToken.decide(session, session.expiresAt(), POLICY);

        // then
        assertEquals(RefreshDecision.SESSION_ENDED, decision);
    }

    @Test
    void revokedSessionEndsARotatedTokenWithinTheWindowToo() {
        Instant rotatedAt = START.plusSeconds(60);
        RefreshToken rotated = fresh.rotated(rotatedAt, "sealed");

        assertEquals(
                RefreshDecision.SESSION_ENDED,
                rotated.decide(revokedAt(session, rotatedAt), rotatedAt.plusSeconds(1), POLICY));
    }

    @Test
    void replayWithinWindowReturnsTheSameSuccessor() {
        Instant rotatedAt = START.plusSeconds(60);
        RefreshToken rotated = fresh.rotated(rotatedAt, "sealed");

        assertEquals(RefreshDecision.REPLAY_SUCCESSOR, rotated.decide(session, rotatedAt.plusSeconds(5), POLICY));
    }

    @Test
    void replayAtTheVeryEndOfTheWindowStillReturnsTheSuccessor() {
        Instant rotatedAt = START.plusSeconds(60);
        RefreshToken rotated = fresh.rotated(rotatedAt, "sealed");

        assertEquals(
                RefreshDecision.REPLAY_SUCCESSOR,
                rotated.decide(session, rotatedAt.plus(POLICY.reuseWindow()), POLICY));
    }

    @Test
    void replayAfterWindowIsReuse() {
        Instant rotatedAt = START.plusSeconds(60);
        RefreshToken rotated = fresh.rotated(rotatedAt, "sealed");

        assertEquals(
                RefreshDecision.REUSE_DETECTED,
                rotated.decide(session, rotatedAt.plus(POLICY.reuseWindow()).plusMillis(1), POLICY));
    }

    @Test
    void rotatedTokenRemembersWhenAndItsSealedSuccessor() {
        Instant rotatedAt = START.plusSeconds(60);

        RefreshToken rotated = fresh.rotated(rotatedAt, "sealed");

        assertEquals(rotatedAt, rotated.rotatedAt());
        assertEquals("sealed", rotated.sealedSuccessor());
        assertEquals(fresh.tokenHash(), rotated.tokenHash());
        assertEquals(fresh.expiresAt(), rotated.expiresAt());
    }

    @Test
    void issuedTokenStoresOnlyTheHashAndLastsTheIdleLifetime() {
        assertEquals(TOKEN.hash(), fresh.tokenHash());
        assertEquals(session.id(), fresh.sessionId());
        assertEquals(START, fresh.issuedAt());
        assertEquals(START.plus(Duration.ofDays(7)), fresh.expiresAt());
        assertNull(fresh.rotatedAt());
        assertNull(fresh.sealedSuccessor());
    }

    @Test
    void issueCapsTheIdleExpiryAtTheSessionsAbsoluteExpiry() {
        // given: 27 days into a 30-day session, 7 more days would overshoot
        Instant late = START.plus(Duration.ofDays(27));

        // when
        RefreshToken token = RefreshToken.issue(TOKEN, session, late, POLICY);

        // then
        assertEquals(session.expiresAt(), token.expiresAt());
    }

    private static Session revokedAt(Session s, Instant when) {
        return new Session(
                s.id(), s.userId(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), when, s.ip(), s.userAgent());
    }
}
