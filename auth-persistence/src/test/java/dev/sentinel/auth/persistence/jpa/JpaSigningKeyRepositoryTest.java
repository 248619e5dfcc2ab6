package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.token.SigningKey;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * addIfNone is not transactional itself: the insert runs in the inserter's own transaction (REQUIRES_NEW in
 * the container, {@link SeparateTransactionRowInserter} here), and the read after it in a transaction of its
 * own ({@code all()} is {@code @Transactional}); so the calls below run outside any test transaction, as the
 * container would run them outside any caller transaction.
 */
class JpaSigningKeyRepositoryTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123Z");

    private JpaSigningKeyRepository keys;

    @BeforeEach
    void createRepository() {
        keys = new JpaSigningKeyRepository(em, new SeparateTransactionRowInserter(factory));
    }

    private static SigningKey key(String kid, Instant createdAt) {
        return new SigningKey(kid, "RS256", "private-" + kid, "public-" + kid, createdAt);
    }

    @Test
    void noKeysAtFirst() {
        assertEquals(List.of(), tx.get(() -> keys.all()));
    }

    @Test
    void addIfNoneStoresTheFirstKey() {
        SigningKey first = key("kid-1", NOW);

        assertEquals(List.of(first), keys.addIfNone(first));
        assertEquals(List.of(first), tx.get(() -> keys.all()));
    }

    @Test
    void secondAddIfNoneKeepsOnlyTheFirstKey() {
        SigningKey first = key("kid-1", NOW);
        keys.addIfNone(first);

        List<SigningKey> afterSecond = keys.addIfNone(key("kid-2", NOW.plusSeconds(1)));

        assertEquals(List.of(first), afterSecond);
        assertEquals(List.of(first), tx.get(() -> keys.all()));
    }

    @Test
    void instancesStartingTogetherAgreeOnOneKey() {
        EntityManager otherEm = factory.createEntityManager();
        try {
            JpaSigningKeyRepository otherInstance =
                    new JpaSigningKeyRepository(otherEm, new SeparateTransactionRowInserter(factory));
            SigningKey mine = key("kid-a", NOW);

            List<SigningKey> seenHere = keys.addIfNone(mine);
            List<SigningKey> seenThere = otherInstance.addIfNone(key("kid-b", NOW));

            assertEquals(List.of(mine), seenHere);
            assertEquals(seenHere, seenThere);
        } finally {
            otherEm.close();
        }
    }
}
