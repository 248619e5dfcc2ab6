package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.ratelimit.FailedLogins;
import dev.sentinel.auth.ratelimit.LockoutPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaLoginFailureStoreTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123Z");
    private static final LockoutPolicy POLICY = new LockoutPolicy(3, Duration.ofMinutes(15));
    private static final String KEY = "alice@example.com";

    private JpaLoginFailureStore store;

    @BeforeEach
    void createStore() {
        store = new JpaLoginFailureStore(em, new SeparateTransactionRowInserter(factory));
    }

    private FailedLogins fail(String key) {
        return tx.get(() -> store.update(key, failed -> failed.afterFailure(NOW, POLICY)));
    }

    @Test
    void unknownEmailHasNoFailures() {
        assertEquals(FailedLogins.NONE, tx.get(() -> store.find(KEY)));
    }

    @Test
    void updateAppliesTheChangeAndPersistsIt() {
        assertEquals(new FailedLogins(1, null), fail(KEY));
        assertEquals(new FailedLogins(1, null), tx.get(() -> store.find(KEY)));

        assertEquals(new FailedLogins(2, null), fail(KEY));
        FailedLogins locked = fail(KEY);

        FailedLogins expected = new FailedLogins(3, NOW.plus(POLICY.duration()));
        assertEquals(expected, locked);
        assertEquals(expected, tx.get(() -> store.find(KEY)));
        assertEquals(FailedLogins.NONE, tx.get(() -> store.find("bob@example.com")), "other emails untouched");
    }

    @Test
    void changeSeesTheStoredState() {
        fail(KEY);
        fail(KEY);

        FailedLogins seen = tx.get(() -> store.update(KEY, failed -> {
            assertEquals(new FailedLogins(2, null), failed);
            return FailedLogins.NONE;
        }));

        assertEquals(FailedLogins.NONE, seen);
        assertEquals(FailedLogins.NONE, tx.get(() -> store.find(KEY)));
    }

    @Test
    void updateThatThrowsLeavesNoCount() {
        assertThrows(
                IllegalStateException.class,
                () -> tx.run(() -> store.update(KEY, failed -> {
                    throw new IllegalStateException("boom"); // the caller's transaction rolls back
                })));
        // the empty row the inserter committed on its own may stay: it reads as no failures
        assertEquals(FailedLogins.NONE, tx.get(() -> store.find(KEY)));
        assertEquals(new FailedLogins(1, null), fail(KEY));
    }

    @Test
    void clearForgetsTheFailures() {
        fail(KEY);
        fail("bob@example.com");

        tx.run(() -> store.clear(KEY));

        assertEquals(FailedLogins.NONE, tx.get(() -> store.find(KEY)));
        assertEquals(new FailedLogins(1, null), tx.get(() -> store.find("bob@example.com")));
        tx.run(() -> store.clear(KEY)); // clearing nothing is fine
    }

    @Test
    void purgeStaleKeepsRunningLocks() {
        fail(KEY);
        tx.run(() -> store.update(
                "locked@example.com",
                failed -> new FailedLogins(5, Instant.now().plus(Duration.ofHours(2)))));

        assertEquals(1, tx.get(() -> store.purgeStale(Instant.now().plus(Duration.ofHours(1)))));

        assertEquals(FailedLogins.NONE, tx.get(() -> store.find(KEY)));
        assertEquals(5, tx.get(() -> store.find("locked@example.com")).count());
    }
}
