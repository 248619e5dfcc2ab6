package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.TooManyRequestsException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.ratelimit.LockoutPolicy;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordChangeServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakeRevokedSessions revoked = new FakeRevokedSessions();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final FakeLoginFailureStore failures = new FakeLoginFailureStore();
    private final PasswordChangeService service = new PasswordChangeService(
            users,
            sessions,
            new FakePasswordHasher(),
            PasswordPolicy.DEFAULT,
            new AccountLockout(failures, LockoutPolicy.DEFAULT, events, clock),
            revoked,
            transactions,
            events,
            clock);

    private final User alice =
            User.register(new Email("alice@example.com"), "Alice", "hash:old-password", clock.instant());
    private final UUID current;
    private final UUID laptop;
    private final UUID phone;
    private final UUID bobs;

    PasswordChangeServiceTest() {
        users.add(alice);
        current = open(alice.id());
        laptop = open(alice.id());
        phone = open(alice.id());
        bobs = open(UUID.randomUUID());
    }

    @Test
    void wrongCurrentPasswordIsInvalidCredentialsAndChangesNothing() {
        // when
        assertThrows(
                InvalidCredentialsException.class,
                () -> service.change(
                        new Caller(alice.id(), current, "alice@example.com"),
                        "not-my-password",
                        "new-password",
                        CLIENT));

        // then
        assertEquals("hash:old-password", storedHash());
        assertEquals(0, users.passwordUpdates);
        assertFalse(sessions.isRevoked(laptop));
        assertFalse(sessions.isRevoked(phone));
        assertTrue(revoked.told.isEmpty());
    }

    @Test
    void aNewPasswordThatIsTheEmailIsInvalidAndChangesNothing() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> service.change(
                        new Caller(alice.id(), current, "alice@example.com"),
                        "old-password",
                        "Alice@Example.com",
                        CLIENT));

        assertEquals("newPassword", e.errors().get(0).field());
        assertEquals("hash:old-password", storedHash());
        assertFalse(sessions.isRevoked(laptop));
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedLoginsAndLockTheAccountForThatClient() {
        Caller caller = new Caller(alice.id(), current, "alice@example.com");
        for (int i = 0; i < 5; i++) {
            assertThrows(
                    InvalidCredentialsException.class,
                    () -> service.change(caller, "not-my-password", "new password 42", CLIENT));
        }

        // even the right current password is refused now, and nothing changed
        TooManyRequestsException e = assertThrows(
                TooManyRequestsException.class,
                () -> service.change(caller, "old-password", "new password 42", CLIENT));
        assertEquals("account_locked", e.reason());
        assertEquals("hash:old-password", storedHash());
        assertEquals(1, events.ofType(AuthEventType.ACCOUNT_LOCKED).size());
    }

    @Test
    void successStoresTheNewPasswordHash() {
        service.change(new Caller(alice.id(), current, "alice@example.com"), "old-password", "new-password", CLIENT);

        assertEquals("hash:new-password", storedHash());
    }

    @Test
    void successRevokesEveryOtherSessionAndKeepsTheCurrentOne() {
        // when
        List<UUID> ended = service.change(
                new Caller(alice.id(), current, "alice@example.com"), "old-password", "new-password", CLIENT);

        // then
        assertEquals(Set.of(laptop, phone), Set.copyOf(ended));
        assertTrue(sessions.isRevoked(laptop));
        assertTrue(sessions.isRevoked(phone));
        assertFalse(sessions.isRevoked(current));
        assertFalse(sessions.isRevoked(bobs));
    }

    @Test
    void successTellsRevokedSessionsOfEveryEndedSession() {
        service.change(new Caller(alice.id(), current, "alice@example.com"), "old-password", "new-password", CLIENT);

        assertEquals(Set.of(laptop, phone), Set.copyOf(revoked.told));
    }

    @Test
    void tooShortNewPasswordIsInvalidInputAndChangesNothing() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> service.change(
                        new Caller(alice.id(), current, "alice@example.com"), "old-password", "short", CLIENT));

        assertEquals("newPassword", e.errors().get(0).field());
        assertEquals("hash:old-password", storedHash());
        assertFalse(sessions.isRevoked(laptop));
    }

    @Test
    void missingCurrentPasswordIsInvalidInput() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> service.change(new Caller(alice.id(), current, "alice@example.com"), "", "new-password", CLIENT));

        assertEquals("currentPassword", e.errors().get(0).field());
    }

    private String storedHash() {
        return users.findById(alice.id()).orElseThrow().passwordHash();
    }

    private UUID open(UUID userId) {
        Session session = Session.open(userId, CLIENT, clock.instant(), SessionPolicy.DEFAULT);
        sessions.add(session);
        return session.id();
    }

    @Test
    void passwordChangeStatesItsEventInTheTransactionThatRevokesTheOthers() {
        service.change(new Caller(alice.id(), current, "alice@example.com"), "old-password", "new-password", CLIENT);

        AuthEvent event = events.ofType(AuthEventType.PASSWORD_CHANGED).get(0);
        assertEquals(Outcome.SUCCESS, event.outcome());
        assertEquals(alice.id(), event.userId());
        assertEquals("alice@example.com", event.email());
    }
}
