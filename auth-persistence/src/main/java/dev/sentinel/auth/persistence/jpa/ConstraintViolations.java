package dev.sentinel.auth.persistence.jpa;

import java.sql.SQLException;

/** Recognises a unique or foreign key violation under the provider's wrapping, on H2 and MariaDB alike. */
final class ConstraintViolations {
    private ConstraintViolations() {
    }

    static boolean isCausedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true; // SQLSTATE class 23: integrity constraint violation
            }
        }
        return false;
    }
}
