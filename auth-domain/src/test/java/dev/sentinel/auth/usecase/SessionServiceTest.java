package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.SessionNotFoundException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakeRevokedSessions revoked = new FakeRevokedSessions();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final SessionService service = new SessionService(sessions, revoked, transactions, events, clock);

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID current = open(alice);
    private final UUID aliceLaptop = open(alice);
    private final UUID alicePhone = open(alice);
    private final UUID bobs = open(bob);

    @Test
    void localLogoutRevokesOnlyTheCallersSession() {
        // when
        List<UUID> ended = service.logout(aliceOn(current), "local", CLIENT);

        // then
        assertEquals(List.of(current), ended);
        assertTrue(sessions.isRevoked(current));
        assertFalse(sessions.isRevoked(aliceLaptop));
        assertFalse(sessions.isRevoked(alicePhone));
        assertFalse(sessions.isRevoked(bobs));
        assertEquals(List.of(current), revoked.told);
    }

    @Test
    void globalLogoutRevokesEverySessionOfTheUserAndNoOtherUsers() {
        List<UUID> ended = service.logout(aliceOn(current), "global", CLIENT);

        assertEquals(Set.of(current, aliceLaptop, alicePhone), Set.copyOf(ended));
        assertFalse(sessions.isRevoked(bobs));
        assertEquals(Set.copyOf(ended), Set.copyOf(revoked.told));
    }

    @Test
    void othersLogoutKeepsOnlyTheCallersSession() {
        List<UUID> ended = service.logout(aliceOn(current), "others", CLIENT);

        assertEquals(Set.of(aliceLaptop, alicePhone), Set.copyOf(ended));
        assertFalse(sessions.isRevoked(current));
        assertFalse(sessions.isRevoked(bobs));
        assertEquals(Set.of(aliceLaptop, alicePhone), Set.copyOf(revoked.told));
    }

    @Test
    void localLogoutOfAnAlreadyEndedSessionRevokesNothing() {
        service.logout(aliceOn(current), "local", CLIENT);
        revoked.told.clear();

        assertEquals(List.of(), service.logout(aliceOn(current), "local", CLIENT));
        assertTrue(revoked.told.isEmpty());
    }

    @Test
    void ownSessionCanBeRevoked() {
        service.revoke(aliceOn(current), aliceLaptop, CLIENT);

        assertTrue(sessions.isRevoked(aliceLaptop));
        assertEquals(List.of(aliceLaptop), revoked.told);
    }

    @Test
    void revokingAnotherUsersSessionIsNotFoundAndLeavesItAlone() {
        assertThrows(SessionNotFoundException.class, () -> service.revoke(aliceOn(current), bobs, CLIENT));

        assertFalse(sessions.isRevoked(bobs));
        assertTrue(revoked.told.isEmpty());
    }

    @Test
    void revokingAnUnknownSessionIsNotFound() {
        assertThrows(SessionNotFoundException.class, () -> service.revoke(aliceOn(current), UUID.randomUUID(), CLIENT));
    }

    @Test
    void liveSessionsListsOnlyTheUsersLiveOnes() {
        service.revoke(aliceOn(current), alicePhone, CLIENT);

        List<UUID> live = service.liveSessions(alice).stream().map(Session::id).toList();

        assertEquals(Set.of(current, aliceLaptop), Set.copyOf(live));
    }

    private UUID open(UUID userId) {
        Session session = Session.open(userId, CLIENT, clock.instant(), SessionPolicy.DEFAULT);
        sessions.add(session);
        return session.id();
    }

    private Caller aliceOn(UUID session) {
        return new Caller(alice, session, "alice@example.com");
    }

    @Test
    void logoutStatesItsEventWithTheCallersSession() {
        service.logout(aliceOn(current), null, CLIENT);

        AuthEvent event = events.ofType(AuthEventType.LOGOUT).get(0);
        assertEquals(Outcome.SUCCESS, event.outcome());
        assertEquals(alice, event.userId());
        assertEquals(current, event.sessionId());
    }

    @Test
    void revocationNamesTheRevokedSessionNotTheCallers() {
        service.revoke(aliceOn(current), aliceLaptop, CLIENT);

        AuthEvent event = events.ofType(AuthEventType.SESSION_REVOKED).get(0);
        assertEquals(Outcome.SUCCESS, event.outcome());
        assertEquals(aliceLaptop, event.sessionId());
    }

    @Test
    void unknownScopeIsRefusedAndRecordedChangingNothing() {
        assertThrows(InvalidInputException.class, () -> service.logout(aliceOn(current), "everything", CLIENT));

        assertFalse(sessions.isRevoked(current));
        assertEquals("invalid_input", events.ofType(AuthEventType.LOGOUT).get(0).reason());
    }
}
