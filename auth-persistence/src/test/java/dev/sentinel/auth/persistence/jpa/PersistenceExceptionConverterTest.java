package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.error.StoreConflictException;
import dev.sentinel.auth.error.StoreUnavailableException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class PersistenceExceptionConverterTest {
    @Test
    void lostConnectionUnderTheProvidersWrappingIsStoreUnavailable() {
        PersistenceException failure = new PersistenceException(new SQLException("connection refused", "08001"));

        Exception converted = PersistenceExceptionConverter.convert(failure);

        assertInstanceOf(StoreUnavailableException.class, converted);
        assertSame(failure, converted.getCause());
    }

    @Test
    void jdbcConnectionFailuresWithoutClass08AreStoreUnavailable() {
        for (SQLException jdbc : new SQLException[] {
            new SQLTransientConnectionException("pool timeout", "HY000"),
            new SQLNonTransientConnectionException("broken", "90067"),
            new SQLRecoverableException("reset")
        }) {
            assertInstanceOf(
                    StoreUnavailableException.class,
                    PersistenceExceptionConverter.convert(new PersistenceException(jdbc)),
                    jdbc::toString);
        }
    }

    @Test
    void connectionLostAtCommitIsStoreUnavailable() {
        RollbackException rollback = new RollbackException("commit failed");
        rollback.initCause(new PersistenceException(new SQLException("communications link failure", "08S01")));

        Exception converted = PersistenceExceptionConverter.convert(new TransactionalException("commit", rollback));

        assertInstanceOf(StoreUnavailableException.class, converted);
    }

    @Test
    void refusedH2ConnectionIsStoreUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SQLException refused = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + closedPort + "/mem:none", "sa", ""));

        assertInstanceOf(
                StoreUnavailableException.class,
                PersistenceExceptionConverter.convert(new PersistenceException(refused)));
    }

    @Test
    void integrityConstraintViolationIsStoreConflict() {
        PersistenceException failure = new PersistenceException(new SQLException("unique index", "23505"));

        Exception converted = PersistenceExceptionConverter.convert(failure);

        assertInstanceOf(StoreConflictException.class, converted);
        assertSame(failure, converted.getCause());
    }

    @Test
    void otherSqlErrorsStayAsTheyWereSoThatABugStaysOne() {
        PersistenceException syntax = new PersistenceException(new SQLException("syntax error", "42000"));
        IllegalStateException bug = new IllegalStateException("no SQL at all");

        assertSame(syntax, PersistenceExceptionConverter.convert(syntax));
        assertSame(bug, PersistenceExceptionConverter.convert(bug));
    }

    @Test
    void translatedFailureIsNotTranslatedAgain() {
        StoreUnavailableException inner = new StoreUnavailableException(
                new PersistenceException(new SQLException("connection refused", "08001")));

        assertSame(inner, PersistenceExceptionConverter.convert(inner));
    }
}
