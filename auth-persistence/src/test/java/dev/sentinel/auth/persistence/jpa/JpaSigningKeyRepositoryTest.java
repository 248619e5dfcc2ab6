package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.token.SigningKey;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * add is not transactional itself: the insert runs in the inserter's own transaction (REQUIRES_NEW in the
 * container, {@link SeparateTransactionRowInserter} here); so the calls below run outside any test transaction,
 * as the container would run them outside any caller transaction.
 */
class JpaSigningKeyRepositoryTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123Z");

    private JpaSigningKeyRepository keys;

    @BeforeEach
    void createRepository() {
        keys = new JpaSigningKeyRepository(em, new SeparateTransactionRowInserter(factory));
    }

    private static SigningKey key(String kid, int generation, Instant publishesAt) {
        return new SigningKey(
                kid, generation, "RS256", "private-" + kid, "public-" + kid, publishesAt, publishesAt.plusSeconds(300));
    }

    @Test
    void noKeysAtFirst() {
        assertEquals(List.of(), tx.get(() -> keys.all()));
    }

    @Test
    void keysComeBackNewestGenerationFirstWithTheirSchedule() {
        SigningKey first = key("kid-1", 1, NOW);
        SigningKey second = key("kid-2", 2, NOW.plusSeconds(60));

        assertTrue(keys.add(first));
        assertTrue(keys.add(second));

        assertEquals(List.of(second, first), tx.get(() -> keys.all()));
    }

    @Test
    void instancesRotatingTogetherStoreOneKeyOfAGeneration() {
        EntityManager otherEm = factory.createEntityManager();
        try {
            JpaSigningKeyRepository otherInstance =
                    new JpaSigningKeyRepository(otherEm, new SeparateTransactionRowInserter(factory));
            SigningKey mine = key("kid-a", 1, NOW);

            assertTrue(keys.add(mine));
            assertFalse(otherInstance.add(key("kid-b", 1, NOW)));

            assertEquals(List.of(mine), tx.get(() -> keys.all()));
        } finally {
            otherEm.close();
        }
    }

    @Test
    void aPrivateKeyIsReplacedOnlyWhileItIsTheExpectedOne() {
        SigningKey first = key("kid-1", 1, NOW);
        keys.add(first);

        tx.run(() -> keys.replacePrivateKey("kid-1", "private-kid-1", "sealed-1"));
        tx.run(() -> keys.replacePrivateKey("kid-1", "private-kid-1", "sealed-2"));

        em.clear();
        assertEquals("sealed-1", tx.get(() -> keys.all()).get(0).privateKey());
    }

    @Test
    void retiredKeysAreRemoved() {
        keys.add(key("kid-1", 1, NOW));
        keys.add(key("kid-2", 2, NOW));

        tx.run(() -> keys.remove(List.of("kid-1")));

        em.clear();
        assertEquals(
                List.of("kid-2"),
                tx.get(() -> keys.all()).stream().map(SigningKey::kid).toList());
    }
}
