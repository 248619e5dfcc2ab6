package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.SessionNotFoundException;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakeRevokedSessions revoked = new FakeRevokedSessions();
    private final SessionService service = new SessionService(sessions, revoked, clock);

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID current = open(alice);
    private final UUID aliceLaptop = open(alice);
    private final UUID alicePhone = open(alice);
    private final UUID bobs = open(bob);

    @Test
    void localLogoutRevokesOnlyTheCallersSession() {
        // when
        List<UUID> ended = service.logout(alice, current, LogoutScope.LOCAL);

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
        List<UUID> ended = service.logout(alice, current, LogoutScope.GLOBAL);

        assertEquals(Set.of(current, aliceLaptop, alicePhone), Set.copyOf(ended));
        assertFalse(sessions.isRevoked(bobs));
        assertEquals(Set.copyOf(ended), Set.copyOf(revoked.told));
    }

    @Test
    void othersLogoutKeepsOnlyTheCallersSession() {
        List<UUID> ended = service.logout(alice, current, LogoutScope.OTHERS);

        assertEquals(Set.of(aliceLaptop, alicePhone), Set.copyOf(ended));
        assertFalse(sessions.isRevoked(current));
        assertFalse(sessions.isRevoked(bobs));
        assertEquals(Set.of(aliceLaptop, alicePhone), Set.copyOf(revoked.told));
    }

    @Test
    void localLogoutOfAnAlreadyEndedSessionRevokesNothing() {
        service.logout(alice, current, LogoutScope.LOCAL);
        revoked.told.clear();

        assertEquals(List.of(), service.logout(alice, current, LogoutScope.LOCAL));
        assertTrue(revoked.told.isEmpty());
    }

    @Test
    void ownSessionCanBeRevoked() {
        service.revoke(alice, aliceLaptop);

        assertTrue(sessions.isRevoked(aliceLaptop));
        assertEquals(List.of(aliceLaptop), revoked.told);
    }

    @Test
    void revokingAnotherUsersSessionIsNotFoundAndLeavesItAlone() {
        assertThrows(SessionNotFoundException.class, () -> service.revoke(alice, bobs));

        assertFalse(sessions.isRevoked(bobs));
        assertTrue(revoked.told.isEmpty());
    }

    @Test
    void revokingAnUnknownSessionIsNotFound() {
        assertThrows(SessionNotFoundException.class, () -> service.revoke(alice, UUID.randomUUID()));
    }

    @Test
    void liveSessionsListsOnlyTheUsersLiveOnes() {
        service.revoke(alice, alicePhone);

        List<UUID> live = service.liveSessions(alice).stream().map(Session::id).toList();

        assertEquals(Set.of(current, aliceLaptop), Set.copyOf(live));
    }

    private UUID open(UUID userId) {
        Session session = Session.open(userId, CLIENT, clock.instant(), SessionPolicy.DEFAULT);
        sessions.add(session);
        return session.id();
    }
}
