package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.StoreUnavailableException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
    private final List<Long> pauses = new ArrayList<>();
    private final ConflictRetry retry = new ConflictRetry(pauses::add);
    private final AtomicInteger attempts = new AtomicInteger();

    /** As MariaDB Connector/J reports Galera's certification failure, under the provider's wrapping. */
    private static Exception galeraConflict() {
        return new PersistenceException(new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
    }

    @Test
    void theLoserOfAConflictRunsTheWholeTransactionAgain() throws Exception {
        String result = retry.run(
                () -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw galeraConflict();
                    }
                    return "committed";
                },
                true);

        assertEquals("committed", result);
        assertEquals(3, attempts.get());
        assertEquals(2, pauses.size());
        assertTrue(pauses.stream().allMatch(pause -> pause >= 1 && pause <= 10), pauses::toString);
    }

    @Test
    void aConflictReportedAtCommitUnderTheTransactionManagerIsRetriedToo() throws Exception {
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new SQLException("Deadlock found", "40001", 1213));

        retry.run(
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw atCommit;
                    }
                    return null;
                },
                true);

        assertEquals(2, attempts.get());
    }

    @Test
    void insideARunningTransactionTheConflictGoesUpToItsBoundary() {
        Exception conflict = galeraConflict();

        Exception thrown = assertThrows(
                Exception.class,
                () -> retry.run(
                        () -> {
                            attempts.incrementAndGet();
                            throw conflict;
                        },
                        false));

        assertSame(conflict, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void aConflictThatOutlastsTheAttemptsIsABusyStoreNotABug() {
        assertThrows(
                StoreUnavailableException.class,
                () -> retry.run(
                        () -> {
                            attempts.incrementAndGet();
                            throw galeraConflict();
                        },
                        true));

        assertEquals(ConflictRetry.MAX_ATTEMPTS, attempts.get());
        assertTrue(pauses.stream().allMatch(pause -> pause <= 160), pauses::toString);
    }

    @Test
    void otherFailuresAreNotRepeated() {
        PersistenceException duplicate = new PersistenceException(new SQLException("Duplicate entry", "23000", 1062));

        assertThrows(
                PersistenceException.class,
                () -> retry.run(
                        () -> {
                            attempts.incrementAndGet();
                            throw duplicate;
                        },
                        true));

        assertEquals(1, attempts.get());
    }
}
