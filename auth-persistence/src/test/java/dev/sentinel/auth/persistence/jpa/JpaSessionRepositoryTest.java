package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.session.RefreshToken;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.User;
import jakarta.persistence.TransactionRequiredException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaSessionRepositoryTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123Z");
    private static final Duration DAY = Duration.ofDays(1);

    private JpaSessionRepository sessions;
    private UUID alice;
    private UUID bob;

    @BeforeEach
    void createRepositoryAndUsers() {
        sessions = new JpaSessionRepository(em);
        JpaUserRepository users = new JpaUserRepository(em);
        alice = addUser(users, "alice@example.com");
        bob = addUser(users, "bob@example.com");
    }

    private UUID addUser(JpaUserRepository users, String email) {
        User user = User.register(new Email(email), null, "hash", NOW.minus(Duration.ofDays(30)));
        tx.run(() -> users.add(user));
        return user.id();
    }

    private static Session session(UUID userId, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
        return new Session(
                UUID.randomUUID(),
                userId,
                NOW.minus(Duration.ofDays(10)),
                lastUsedAt,
                expiresAt,
                revokedAt,
                "203.0.113.7",
                "JUnit");
    }

    private static Session live(UUID userId) {
        return session(userId, NOW.minusSeconds(60), NOW.plus(DAY), null);
    }

    private static RefreshToken token(Session session, String label, Instant expiresAt) {
        return new RefreshToken(hash(label), session.id(), session.lastUsedAt(), expiresAt, null, null);
    }

    private Session open(Session session) {
        tx.run(() -> sessions.open(session, token(session, session.id() + "-first", session.expiresAt())));
        return session;
    }

    private Set<UUID> ids(List<UUID> ids) {
        assertEquals(ids.size(), Set.copyOf(ids).size(), "no id twice");
        return Set.copyOf(ids);
    }

    private long tokenCount() {
        return tx.get(() -> em.createQuery("SELECT COUNT(t) FROM RefreshTokenEntity t", Long.class)
                .getSingleResult());
    }

    @Test
    void openedSessionIsFoundWithItsFirstToken() {
        Session session = live(alice);
        RefreshToken first = token(session, "first", NOW.plus(Duration.ofHours(1)));

        tx.run(() -> sessions.open(session, first));

        assertEquals(Optional.of(session), tx.get(() -> sessions.findSession(session.id())));
        assertEquals(Optional.of(first), tx.get(() -> sessions.lockToken(first.tokenHash())));
        assertTrue(tx.get(() -> sessions.findSession(UUID.randomUUID())).isEmpty());
    }

    @Test
    void sealedSuccessorsRotatedInTheRangeAreErasedAndOthersKept() {
        Session session = open(live(alice));
        Instant windowEnd = NOW.minusSeconds(10);
        RefreshToken old = rotatedToken(session, "rotated long ago", windowEnd.minusSeconds(5));
        RefreshToken recent = rotatedToken(session, "rotated just now", windowEnd.plusSeconds(5));

        int erased = tx.get(() -> sessions.eraseSealedSuccessors(NOW.minus(DAY), windowEnd));

        assertEquals(1, erased);
        assertEquals(
                null,
                tx.get(() -> sessions.lockToken(old.tokenHash())).orElseThrow().sealedSuccessor());
        assertEquals(
                "sealed",
                tx.get(() -> sessions.lockToken(recent.tokenHash()))
                        .orElseThrow()
                        .sealedSuccessor());
    }

    private RefreshToken rotatedToken(Session session, String label, Instant rotatedAt) {
        RefreshToken token =
                new RefreshToken(hash(label), session.id(), NOW.minus(DAY), NOW.plus(DAY), rotatedAt, "sealed");
        tx.run(() -> em.persist(RefreshTokenEntity.from(token)));
        return token;
    }

    @Test
    void lockTokenInsideATransactionReturnsTheTokenOrNothing() {
        Session session = live(alice);
        RefreshToken first = token(session, "first", NOW.plus(Duration.ofHours(1)));
        tx.run(() -> sessions.open(session, first));

        tx.run(() -> {
            assertEquals(Optional.of(first), sessions.lockToken(first.tokenHash()));
            assertTrue(em.getTransaction().isActive());
            assertTrue(sessions.lockToken(hash("unknown")).isEmpty());
        });
    }

    /** In the container MANDATORY refuses the call; in any case the row lock itself needs a transaction. */
    @Test
    void lockTokenOutsideATransactionIsRefused() {
        Session session = live(alice);
        RefreshToken first = token(session, "first", NOW.plus(Duration.ofHours(1)));
        tx.run(() -> sessions.open(session, first));

        assertThrows(TransactionRequiredException.class, () -> sessions.lockToken(first.tokenHash()));
    }

    @Test
    void rotateMarksTheOldTokenStoresTheSuccessorAndTouchesTheSession() {
        Session session = live(alice);
        RefreshToken first = token(session, "first", NOW.plus(Duration.ofHours(1)));
        tx.run(() -> sessions.open(session, first));
        Instant later = NOW.plusSeconds(30);
        RefreshToken successor =
                new RefreshToken(hash("second"), session.id(), later, later.plus(Duration.ofHours(1)), null, null);

        tx.run(() -> {
            RefreshToken locked = sessions.lockToken(first.tokenHash()).orElseThrow();
            sessions.rotate(locked.rotated(later, "sealed-successor"), successor, later);
        });

        RefreshToken old = tx.get(() -> sessions.lockToken(first.tokenHash())).orElseThrow();
        assertEquals(later, old.rotatedAt());
        assertEquals("sealed-successor", old.sealedSuccessor());
        assertEquals(first.issuedAt(), old.issuedAt());
        assertEquals(first.expiresAt(), old.expiresAt());
        assertEquals(Optional.of(successor), tx.get(() -> sessions.lockToken(successor.tokenHash())));
        Session touched = tx.get(() -> sessions.findSession(session.id())).orElseThrow();
        assertEquals(later, touched.lastUsedAt());
        assertEquals(session.createdAt(), touched.createdAt());
        assertEquals(2, tokenCount());
    }

    @Test
    void revokeEndsOnlyTheUsersOwnLiveSession() {
        Session mine = open(live(alice));
        Session expired = open(session(alice, NOW.minus(DAY), NOW.minusSeconds(1), null));

        assertFalse(tx.get(() -> sessions.revoke(bob, mine.id(), NOW)), "another user's session");
        assertTrue(tx.get(() -> sessions.findSession(mine.id())).orElseThrow().isLive(NOW));
        assertFalse(tx.get(() -> sessions.revoke(alice, UUID.randomUUID(), NOW)), "unknown session");
        assertFalse(tx.get(() -> sessions.revoke(alice, expired.id(), NOW)), "expired session");

        assertTrue(tx.get(() -> sessions.revoke(alice, mine.id(), NOW)));
        assertEquals(
                NOW, tx.get(() -> sessions.findSession(mine.id())).orElseThrow().revokedAt());
        assertFalse(tx.get(() -> sessions.revoke(alice, mine.id(), NOW.plusSeconds(1))), "already revoked");
        assertEquals(
                NOW, tx.get(() -> sessions.findSession(mine.id())).orElseThrow().revokedAt());
    }

    @Test
    void revokeAllOfKeepingOneReturnsExactlyTheRevokedIds() {
        Session current = open(live(alice));
        Session other1 = open(live(alice));
        Session other2 = open(live(alice));
        Session revokedBefore = open(session(alice, NOW.minus(DAY), NOW.plus(DAY), NOW.minusSeconds(5)));
        open(session(alice, NOW.minus(DAY), NOW.minusSeconds(1), null)); // expired
        Session bobs = open(live(bob));

        List<UUID> revoked = tx.get(() -> sessions.revokeAllOf(alice, current.id(), NOW));

        assertEquals(Set.of(other1.id(), other2.id()), ids(revoked));
        assertEquals(List.of(current), tx.get(() -> sessions.liveSessionsOf(alice, NOW)));
        assertEquals(
                NOW,
                tx.get(() -> sessions.findSession(other1.id())).orElseThrow().revokedAt());
        assertEquals(
                NOW.minusSeconds(5),
                tx.get(() -> sessions.findSession(revokedBefore.id()))
                        .orElseThrow()
                        .revokedAt(),
                "an earlier revocation keeps its time");
        assertEquals(List.of(bobs), tx.get(() -> sessions.liveSessionsOf(bob, NOW)));
    }

    @Test
    void revokeAllOfWithoutKeepRevokesEveryLiveSession() {
        Session one = open(live(alice));
        Session two = open(live(alice));
        Session bobs = open(live(bob));

        assertEquals(Set.of(one.id(), two.id()), ids(tx.get(() -> sessions.revokeAllOf(alice, null, NOW))));

        assertEquals(List.of(), tx.get(() -> sessions.liveSessionsOf(alice, NOW)));
        assertEquals(List.of(), tx.get(() -> sessions.revokeAllOf(alice, null, NOW.plusSeconds(1))), "nothing left");
        assertEquals(List.of(bobs), tx.get(() -> sessions.liveSessionsOf(bob, NOW)));
    }

    @Test
    void liveSessionsOfExcludesRevokedAndExpiredNewestUseFirst() {
        Session older = open(session(alice, NOW.minus(Duration.ofHours(2)), NOW.plus(DAY), null));
        Session newer = open(session(alice, NOW.minus(Duration.ofMinutes(1)), NOW.plus(DAY), null));
        open(session(alice, NOW.minusSeconds(10), NOW.plus(DAY), NOW.minusSeconds(5))); // revoked
        open(session(alice, NOW.minusSeconds(10), NOW, null)); // expires exactly now: no longer live
        open(live(bob));

        assertEquals(List.of(newer, older), tx.get(() -> sessions.liveSessionsOf(alice, NOW)));
    }

    @Test
    void revokedSinceListsSessionsRevokedAtOrAfterTheInstant() {
        Session early = open(live(alice));
        Session late = open(live(bob));
        open(live(alice));
        tx.run(() -> sessions.revoke(alice, early.id(), NOW.minusSeconds(10)));
        tx.run(() -> sessions.revoke(bob, late.id(), NOW));

        assertEquals(Set.of(early.id(), late.id()), ids(tx.get(() -> sessions.revokedSince(NOW.minusSeconds(10)))));
        assertEquals(List.of(late.id()), tx.get(() -> sessions.revokedSince(NOW.minusSeconds(9))));
        assertEquals(List.of(late.id()), tx.get(() -> sessions.revokedSince(NOW)));
        assertEquals(List.of(), tx.get(() -> sessions.revokedSince(NOW.plusMillis(1))));
    }

    @Test
    void sessionsOfARemovedAccountStayInTheFeedUntilPurged() {
        Session bobs = open(live(bob));
        Instant beforeRemoval = Instant.now().minusSeconds(1);

        tx.run(() -> new JpaAccountRemoval(em).remove(bob));

        assertEquals(List.of(bobs.id()), tx.get(() -> sessions.revokedSince(beforeRemoval)));
        tx.get(() -> sessions.purgeEnded(Instant.now().plusSeconds(1), NOW.minus(DAY)));
        assertEquals(List.of(), tx.get(() -> sessions.revokedSince(beforeRemoval)));
    }

    @Test
    void purgeEndedDeletesEndedSessionsWithTheirTokensAndKeepsLiveOnes() {
        Instant endedBefore = NOW.minus(DAY);
        Instant idleBefore = NOW.minus(Duration.ofDays(7));
        Session live = open(live(alice));
        Session liveWithExpiredToken = live(bob);
        RefreshToken expiredToken = token(liveWithExpiredToken, "expired", NOW.minus(Duration.ofDays(2)));
        RefreshToken currentToken = token(liveWithExpiredToken, "current", NOW.plus(DAY));
        tx.run(() -> {
            sessions.open(liveWithExpiredToken, expiredToken);
            sessions.rotate(expiredToken.rotated(NOW.minus(Duration.ofDays(3)), "sealed"), currentToken, NOW);
        });
        Session revokedRecently = open(session(alice, NOW.minusSeconds(60), NOW.plus(DAY), NOW.minusSeconds(30)));
        Session expiredLongAgo =
                open(session(alice, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)), null));
        Session revokedLongAgo =
                open(session(alice, NOW.minus(Duration.ofDays(3)), NOW.plus(DAY), NOW.minus(Duration.ofDays(2))));
        Session idle = open(session(bob, NOW.minus(Duration.ofDays(8)), NOW.plus(DAY), null));
        assertEquals(7, tokenCount());

        assertEquals(3, tx.get(() -> sessions.purgeEnded(endedBefore, idleBefore)));

        for (Session gone : List.of(expiredLongAgo, revokedLongAgo, idle)) {
            assertTrue(tx.get(() -> sessions.findSession(gone.id())).isEmpty());
        }
        for (Session kept : List.of(live, liveWithExpiredToken, revokedRecently)) {
            assertTrue(tx.get(() -> sessions.findSession(kept.id())).isPresent());
        }
        assertTrue(tx.get(() -> sessions.lockToken(expiredToken.tokenHash())).isEmpty(), "expired token");
        assertEquals(Optional.of(currentToken), tx.get(() -> sessions.lockToken(currentToken.tokenHash())));
        assertTrue(tx.get(() -> sessions.lockToken(hash(live.id() + "-first"))).isPresent());
        assertTrue(tx.get(() -> sessions.lockToken(hash(idle.id() + "-first"))).isEmpty());
        assertEquals(3, tokenCount(), "the tokens of the kept sessions that have not expired");

        assertEquals(0, tx.get(() -> sessions.purgeEnded(endedBefore, idleBefore)));
    }

    private static String hash(String label) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
