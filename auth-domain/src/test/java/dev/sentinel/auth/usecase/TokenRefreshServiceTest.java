package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.InvalidRefreshTokenException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.session.SuccessorSeal;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRefreshServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");
    private static final SessionPolicy POLICY = SessionPolicy.DEFAULT;

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final SecureRandom random = new SecureRandom();
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakeRevokedSessions revoked = new FakeRevokedSessions();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final TokenRefreshService refresh = new TokenRefreshService(
            sessions,
            users,
            transactions,
            revoked,
            events,
            POLICY,
            new SuccessorSeal(() -> java.util.List.of(new byte[32])),
            clock,
            random);

    private final User alice = User.register(new Email("alice@example.com"), "Alice", "hash:pw", clock.instant());
    private final SessionGrant login;

    TokenRefreshServiceTest() {
        users.add(alice);
        login = new SessionStarter(sessions, POLICY, clock, random).start(alice, CLIENT);
    }

    @Test
    void aDisabledAccountsRefreshIsRefusedAndEndsTheSession() {
        users.setDisabled(alice.id(), true);

        InvalidRefreshTokenException refused = assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(login.refreshToken().value(), CLIENT));

        assertEquals("account_disabled", refused.reason());
        assertTrue(revoked.told.contains(login.session().id()));
    }

    @Test
    void rotationReturnsANewTokenForTheSameSession() {
        // when
        SessionGrant refreshed = refresh.refresh(login.refreshToken().value(), CLIENT);

        // then
        assertNotEquals(login.refreshToken().value(), refreshed.refreshToken().value());
        assertEquals(login.session().id(), refreshed.session().id());
        assertEquals(alice.id(), refreshed.user().id());
    }

    @Test
    void rotationMarksThePresentedTokenRotatedWithoutStoringTheSuccessorInClear() {
        SessionGrant refreshed = refresh.refresh(login.refreshToken().value(), CLIENT);

        var old = sessions.lockToken(login.refreshToken().hash()).orElseThrow();
        assertEquals(clock.instant(), old.rotatedAt());
        assertFalse(old.sealedSuccessor().contains(refreshed.refreshToken().value()));
    }

    @Test
    void successorCanBeRefreshedInTurn() {
        SessionGrant first = refresh.refresh(login.refreshToken().value(), CLIENT);
        clock.advance(Duration.ofMinutes(20));

        SessionGrant second = refresh.refresh(first.refreshToken().value(), CLIENT);

        assertNotEquals(first.refreshToken().value(), second.refreshToken().value());
    }

    @Test
    void replayWithinWindowReturnsTheSameSuccessor() {
        // given
        SessionGrant first = refresh.refresh(login.refreshToken().value(), CLIENT);
        clock.advance(Duration.ofSeconds(5));

        // when
        SessionGrant replay = refresh.refresh(login.refreshToken().value(), CLIENT);

        // then
        assertEquals(first.refreshToken().value(), replay.refreshToken().value());
        assertTrue(revoked.told.isEmpty());
        assertTrue(sessions.session(login.session().id()).isLive(clock.instant()));
    }

    @Test
    void replayAfterWindowIsRefusedAsReuse() {
        refresh.refresh(login.refreshToken().value(), CLIENT);
        clock.advance(Duration.ofSeconds(11));

        InvalidRefreshTokenException e = assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(login.refreshToken().value(), CLIENT));

        assertEquals("refresh_token_reuse", e.reason());
    }

    @Test
    void replayAfterWindowRevokesTheSessionAndTellsRevokedSessions() {
        refresh.refresh(login.refreshToken().value(), CLIENT);
        clock.advance(Duration.ofSeconds(11));

        assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(login.refreshToken().value(), CLIENT));

        assertTrue(sessions.isRevoked(login.session().id()));
        assertEquals(List.of(login.session().id()), revoked.told);
    }

    @Test
    void replayAfterWindowRecordsAReuseEventWithoutTheToken() {
        // given
        String stolen = login.refreshToken().value();
        SessionGrant newest = refresh.refresh(stolen, CLIENT);
        clock.advance(Duration.ofSeconds(11));

        // when
        assertThrows(InvalidRefreshTokenException.class, () -> refresh.refresh(stolen, CLIENT));

        // then
        List<AuthEvent> reuse = events.ofType(AuthEventType.REFRESH_TOKEN_REUSE);
        assertEquals(1, reuse.size());
        AuthEvent event = reuse.get(0);
        assertEquals(Outcome.FAILURE, event.outcome());
        assertEquals(alice.id(), event.userId());
        assertEquals(login.session().id(), event.sessionId());
        assertEquals("10.0.0.1", event.ip());
        assertFalse(event.toString().contains(stolen));
        assertFalse(event.toString().contains(newest.refreshToken().value()));
    }

    @Test
    void afterReuseTheNewestTokenStopsWorkingToo() {
        SessionGrant newest = refresh.refresh(login.refreshToken().value(), CLIENT);
        clock.advance(Duration.ofSeconds(11));
        assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(login.refreshToken().value(), CLIENT));

        InvalidRefreshTokenException e = assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(newest.refreshToken().value(), CLIENT));

        assertEquals("session_ended", e.reason());
    }

    @Test
    void unknownTokenIsRefused() {
        String unknown = OpaqueToken.generate(random).value();

        InvalidRefreshTokenException e =
                assertThrows(InvalidRefreshTokenException.class, () -> refresh.refresh(unknown, CLIENT));

        assertEquals("unknown_token", e.reason());
    }

    @Test
    void blankOrOverlongTokenIsRefusedWithoutLookup() {
        assertThrows(InvalidRefreshTokenException.class, () -> refresh.refresh(null, CLIENT));
        assertThrows(InvalidRefreshTokenException.class, () -> refresh.refresh("  ", CLIENT));
        assertThrows(InvalidRefreshTokenException.class, () -> refresh.refresh("x".repeat(257), CLIENT));
    }

    @Test
    void tokenIdleLongerThanItsLifetimeIsExpired() {
        clock.advance(POLICY.refreshTokenTtl());

        InvalidRefreshTokenException e = assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(login.refreshToken().value(), CLIENT));

        assertEquals("token_expired", e.reason());
    }

    @Test
    void tokenOfARevokedSessionIsRefused() {
        sessions.revoke(alice.id(), login.session().id(), clock.instant());

        InvalidRefreshTokenException e = assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(login.refreshToken().value(), CLIENT));

        assertEquals("session_ended", e.reason());
    }

    @Test
    void sessionNeverOutlivesItsMaximumLifetimeHoweverOftenItIsRefreshed() {
        // given: refreshed every six days
        String token = login.refreshToken().value();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofDays(6));
            token = refresh.refresh(token, CLIENT).refreshToken().value();
        }
        String last = token;

        // when: day 30
        clock.advance(Duration.ofDays(6));

        // then
        assertThrows(InvalidRefreshTokenException.class, () -> refresh.refresh(last, CLIENT));
    }

    @Test
    void successorExpiryIsCappedAtTheSessionsEnd() {
        clock.advance(Duration.ofDays(6));
        String second = refresh.refresh(login.refreshToken().value(), CLIENT)
                .refreshToken()
                .value();
        clock.advance(Duration.ofDays(6));
        String third = refresh.refresh(second, CLIENT).refreshToken().value();
        clock.advance(Duration.ofDays(6));
        String fourth = refresh.refresh(third, CLIENT).refreshToken().value();
        clock.advance(Duration.ofDays(6));

        SessionGrant fifth = refresh.refresh(fourth, CLIENT);

        assertEquals(
                login.session().expiresAt(),
                sessions.lockToken(fifth.refreshToken().hash()).orElseThrow().expiresAt());
    }

    @Test
    void refreshStatesItsEventInTheRotatingTransaction() {
        refresh.refresh(login.refreshToken().value(), CLIENT);

        AuthEvent event = events.ofType(AuthEventType.TOKEN_REFRESH).get(0);
        assertEquals(Outcome.SUCCESS, event.outcome());
        assertEquals(alice.id(), event.userId());
        assertEquals(login.session().id(), event.sessionId());
    }

    @Test
    void refusedRefreshIsRecordedWithItsReason() {
        assertThrows(InvalidRefreshTokenException.class, () -> refresh.refresh("no-such-token", CLIENT));

        AuthEvent event = events.ofType(AuthEventType.TOKEN_REFRESH).get(0);
        assertEquals(Outcome.FAILURE, event.outcome());
        assertEquals("unknown_token", event.reason());
    }

    @Test
    void aReplayWithinTheWindowWhoseSealIsGoneIsRefusedNotAFailure() {
        refresh.refresh(login.refreshToken().value(), CLIENT);
        sessions.eraseSealedSuccessors(
                Instant.EPOCH, clock.instant().plusSeconds(1)); // another instance's clock ran ahead

        InvalidRefreshTokenException refused = assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(login.refreshToken().value(), CLIENT));

        assertEquals("successor_unavailable", refused.reason());
    }
}
