package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.mfa.MfaChallenge;
import dev.sentinel.auth.mfa.TotpFactor;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaSecondFactorsTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private JpaTotpFactors factors;
    private JpaMfaChallenges challenges;
    private UUID userId;

    @BeforeEach
    void aUser() {
        factors = new JpaTotpFactors(em);
        challenges = new JpaMfaChallenges(em);
        User user = User.register(new Email("ann-" + UUID.randomUUID() + "@example.com"), null, "hash", NOW);
        userId = user.id();
        tx.run(() -> new JpaUserRepository(em).add(user));
    }

    @Test
    void aPendingFactorIsReplacedAndAnEnabledOneIsKept() {
        assertTrue(tx.get(() -> factors.savePending(TotpFactor.pending(userId, "first", NOW))));
        assertTrue(tx.get(() -> factors.savePending(TotpFactor.pending(userId, "second", NOW))));
        assertEquals("second", tx.get(() -> factors.find(userId)).orElseThrow().sealedSecret());

        assertTrue(tx.get(() -> factors.enable(userId, 100)));
        assertFalse(tx.get(() -> factors.enable(userId, 101)));
        assertFalse(tx.get(() -> factors.savePending(TotpFactor.pending(userId, "third", NOW))));
        assertTrue(tx.get(() -> factors.isEnabled(userId)));
        assertEquals("second", tx.get(() -> factors.find(userId)).orElseThrow().sealedSecret());
    }

    @Test
    void aStepIsUsedOnceAndNeverBeforeALaterOne() {
        tx.run(() -> factors.savePending(TotpFactor.pending(userId, "sealed", NOW)));
        tx.run(() -> factors.enable(userId, 100));

        assertFalse(tx.get(() -> factors.useStep(userId, 100)));
        assertTrue(tx.get(() -> factors.useStep(userId, 101)));
        assertFalse(tx.get(() -> factors.useStep(userId, 101)));
        assertTrue(tx.get(() -> factors.useStep(userId, 103)));
        assertFalse(tx.get(() -> factors.useStep(userId, 102)));
    }

    @Test
    void recoveryCodesAreUsedOnceAndGoWithTheFactor() {
        tx.run(() -> factors.savePending(TotpFactor.pending(userId, "sealed", NOW)));
        tx.run(() -> factors.replace(userId, List.of("a".repeat(64), "b".repeat(64))));

        assertTrue(tx.get(() -> factors.consume(userId, "a".repeat(64))));
        assertFalse(tx.get(() -> factors.consume(userId, "a".repeat(64))));
        assertFalse(tx.get(() -> factors.consume(UUID.randomUUID(), "b".repeat(64))));

        assertTrue(tx.get(() -> factors.remove(userId)));
        assertFalse(tx.get(() -> factors.consume(userId, "b".repeat(64))));
        assertTrue(tx.get(() -> factors.find(userId)).isEmpty());
    }

    @Test
    void aChallengeTakesFiveTriesAndIsUsedOnce() {
        String hash = "c".repeat(64);
        tx.run(() -> challenges.create(new MfaChallenge(hash, userId, 0, NOW.plusSeconds(300))));

        for (int i = 0; i < MfaChallenge.MAX_TRIES; i++) {
            assertTrue(tx.get(() -> challenges.beginTry(hash, NOW)).isPresent());
        }
        assertTrue(tx.get(() -> challenges.beginTry(hash, NOW)).isEmpty());
        tx.run(() -> challenges.discardIfSpent(hash));
        assertFalse(tx.get(() -> challenges.consume(hash)));
    }

    @Test
    void anExpiredChallengeIsRefusedAndPurged() {
        String hash = "d".repeat(64);
        tx.run(() -> challenges.create(new MfaChallenge(hash, userId, 0, NOW.plusSeconds(300))));

        assertTrue(tx.get(() -> challenges.beginTry(hash, NOW.plusSeconds(300))).isEmpty());
        assertEquals(1, tx.get(() -> challenges.purgeExpired(NOW.plusSeconds(301))));
    }
}
