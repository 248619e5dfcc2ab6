package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.error.StoreConflictException;
import dev.sentinel.auth.error.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/**
 * The one place that reads SQLSTATE and JDBC types, under the provider's and the transaction manager's
 * wrapping, on H2 and MariaDB alike: failures of the store leave the adapters as domain exceptions.
 */
final class PersistenceExceptionConverter {
    private static final int MARIADB_DEADLOCK = 1213;

    private PersistenceExceptionConverter() {}

    /** The domain's exception for a store failure; any other failure as it was, so that a bug stays one. */
    static Exception convert(Exception failure) {
        if (failure instanceof StoreUnavailableException || failure instanceof StoreConflictException) {
            return failure;
        }
        if (isConnectionFailure(failure)) {
            return new StoreUnavailableException(failure);
        }
        if (isConstraintViolation(failure)) {
            return new StoreConflictException(failure);
        }
        return failure;
    }

    /** A lost or refused connection (SQLSTATE class 08), not any SQL error. */
    static boolean isConnectionFailure(Throwable failure) {
        return anyCause(
                failure,
                cause -> cause instanceof SQLTransientConnectionException
                        || cause instanceof SQLNonTransientConnectionException
                        || cause instanceof SQLRecoverableException
                        || hasSqlStateClass(cause, "08"));
    }

    /** A unique or foreign key violation (SQLSTATE class 23: integrity constraint violation). */
    static boolean isConstraintViolation(Throwable failure) {
        return anyCause(failure, cause -> hasSqlStateClass(cause, "23"));
    }

    /**
     * The database rolled the transaction back as the loser of a conflict: SQLSTATE 40001 (an InnoDB deadlock,
     * error 1213, also what Galera answers when certification refuses a transaction) or MariaDB's 1213 under
     * another state. Safe to retry as a whole transaction, never as one statement.
     */
    static boolean isSerializationFailure(Throwable failure) {
        return anyCause(
                failure,
                cause -> cause instanceof SQLException sql
                        && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == MARIADB_DEADLOCK));
    }

    private static boolean hasSqlStateClass(Throwable cause, String stateClass) {
        return cause instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith(stateClass);
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
