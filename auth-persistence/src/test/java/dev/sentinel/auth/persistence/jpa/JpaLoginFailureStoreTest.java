package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.ratelimit.FailedLogins;
import dev.sentinel.auth.ratelimit.FailureCounter;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaLoginFailureStoreTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123Z");
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final FailureCounter COUNTER =
            new FailureCounter(FailureCounter.Scope.EMAIL_AND_CLIENT, "email:alice@example.com|10.0.0.1", 3, null);
    private static final String KEY = COUNTER.key();

    private JpaLoginFailureStore store;

    @BeforeEach
    void createStore() {
        store = new JpaLoginFailureStore(em, new KeyedRows(false));
    }

    private FailedLogins fail(JpaLoginFailureStore on, InTransaction in, String key) {
        Map<String, FailedLogins> before = in.get(() ->
                on.update(List.of(key), states -> Map.of(key, states.get(key).afterAttempt(NOW, COUNTER, LOCK))));
        return before.get(key).afterAttempt(NOW, COUNTER, LOCK);
    }

    private FailedLogins fail(String key) {
        return fail(store, tx, key);
    }

    @Test
    void unknownKeyHasNoFailures() {
        assertEquals(FailedLogins.NONE, tx.get(() -> store.find(KEY)));
    }

    @Test
    void updateAppliesTheChangeAndPersistsIt() {
        fail(KEY);
        assertEquals(new FailedLogins(1, NOW, null), tx.get(() -> store.find(KEY)));

        fail(KEY);
        fail(KEY);

        assertEquals(new FailedLogins(3, NOW, NOW.plus(LOCK)), tx.get(() -> store.find(KEY)));
        assertEquals(FailedLogins.NONE, tx.get(() -> store.find("email:bob@example.com")), "other keys untouched");
    }

    @Test
    void updateReturnsTheStatesBeforeTheChangeForEveryKey() {
        fail(KEY);

        Map<String, FailedLogins> before =
                tx.get(() -> store.update(List.of("client:10.0.0.1", KEY), states -> Map.of()));

        assertEquals(FailedLogins.NONE, before.get("client:10.0.0.1"));
        assertEquals(1, before.get(KEY).count());
    }

    @Test
    void updateThatThrowsLeavesNoCount() {
        assertThrows(
                IllegalStateException.class,
                () -> tx.run(() -> store.update(List.of(KEY), states -> {
                    throw new IllegalStateException("boom"); // the caller's transaction rolls back
                })));

        assertEquals(FailedLogins.NONE, tx.get(() -> store.find(KEY)));
        assertEquals(1, fail(KEY).count());
    }

    /** Two "instances" (entity managers) count at once against a key neither has seen: both counts stay. */
    @Test
    void concurrentFirstAttemptsOnANewKeyAddUp() throws Exception {
        int threads = 8;
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<EntityManager> ems = new ArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                EntityManager own = factory.createEntityManager();
                ems.add(own);
                JpaLoginFailureStore instance = new JpaLoginFailureStore(own, new KeyedRows(false));
                InTransaction ownTx = new InTransaction(own);
                done.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return ownTx.get(() -> instance.update(
                            List.of("email:new@example.com"),
                            states -> Map.of(
                                    "email:new@example.com",
                                    new FailedLogins(
                                            states.get("email:new@example.com").count() + 1, NOW, null))));
                }));
            }
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            ems.forEach(EntityManager::close);
        }

        assertEquals(threads, tx.get(() -> store.find("email:new@example.com")).count());
    }

    @Test
    void purgeStaleKeepsRunningLocks() {
        fail(KEY);
        tx.run(() -> store.update(
                List.of("email:locked@example.com"),
                states -> Map.of(
                        "email:locked@example.com",
                        new FailedLogins(5, NOW, Instant.now().plus(Duration.ofHours(2))))));

        assertEquals(1, tx.get(() -> store.purgeStale(Instant.now().plus(Duration.ofHours(1)))));

        assertEquals(FailedLogins.NONE, tx.get(() -> store.find(KEY)));
        assertEquals(5, tx.get(() -> store.find("email:locked@example.com")).count());
    }
}
