package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.error.StoreUnavailableException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Runs a whole transaction again when the database refused it as the loser of a conflict (SQLSTATE 40001:
 * an InnoDB deadlock, or a Galera certification failure at commit, where {@code SELECT ... FOR UPDATE}
 * locks only the local node). Only the boundary that started the transaction may repeat it: inside a
 * running transaction the failure goes up to that boundary. A few attempts with a short jittered backoff;
 * a conflict that outlasts them is a busy store (503), not a bug.
 */
final class ConflictRetry {
    static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = Logger.getLogger(ConflictRetry.class.getName());

    private final Sleeper sleeper;

    ConflictRetry(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    static ConflictRetry withBackoff() {
        return new ConflictRetry(Thread::sleep);
    }

    <T> T run(Callable<T> transaction, boolean startsTheTransaction) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.call();
            } catch (Exception failure) {
                if (!startsTheTransaction || !PersistenceExceptionConverter.isSerializationFailure(failure)) {
                    throw failure;
                }
                if (attempt == MAX_ATTEMPTS) {
                    LOG.warning("a transaction lost " + MAX_ATTEMPTS + " conflicts in a row; answering 503");
                    throw new StoreUnavailableException(failure);
                }
                sleeper.sleep(backoffMillis(attempt));
            }
        }
    }

    /** Up to 5, 10, 20, ... 160 ms, drawn at random so that the losers do not collide again. */
    static long backoffMillis(int attempt) {
        long ceiling = 5L << Math.min(attempt - 1, 5);
        return 1 + ThreadLocalRandom.current().nextLong(ceiling);
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
