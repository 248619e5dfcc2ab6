package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configured administrator (AUTH_ADMIN_EMAIL, AUTH_ADMIN_PASSWORD), and the stranger who got there first. */
class AdminAccountTest {
    private static final String EMAIL = "admin@example.com";
    private static final String PASSWORD = "configured admin password";
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final FakeRevokedSessions revoked = new FakeRevokedSessions();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final AdminAccount admin =
            new AdminAccount(users, sessions, hasher, PasswordPolicy.DEFAULT, revoked, transactions, events, clock);

    @Test
    void aMissingAdministratorIsCreatedWithTheConfiguredPassword() {
        admin.ensure(EMAIL, PASSWORD);

        User created = users.findByEmail(new Email(EMAIL)).orElseThrow();
        assertTrue(created.isAdmin());
        assertTrue(hasher.verify(PASSWORD, created.passwordHash()));
    }

    @Test
    void anAccountAStrangerSignedUpWithLosesItsPasswordAndSessionsBeforeItBecomesAdmin() {
        // given a stranger who signed up with the address later configured, and is logged in
        User stranger = User.register(
                new Email(EMAIL), "Stranger", FakePasswordHasher.PREFIX + "stranger's password", clock.instant());
        users.add(stranger);
        SessionGrant strangersSession =
                new SessionStarter(sessions, SessionPolicy.DEFAULT, clock, new SecureRandom()).start(stranger, CLIENT);

        // when the server starts with the administrator's settings
        admin.ensure(EMAIL, PASSWORD);

        // then the account has the configured password, a new credential version, no live session, and the role
        User now = users.findById(stranger.id()).orElseThrow();
        assertTrue(hasher.verify(PASSWORD, now.passwordHash()));
        assertFalse(hasher.verify("stranger's password", now.passwordHash()));
        assertEquals(stranger.credentialVersion() + 1, now.credentialVersion());
        assertTrue(sessions.isRevoked(strangersSession.session().id()));
        assertEquals(List.of(strangersSession.session().id()), revoked.told);
        assertTrue(now.isAdmin());
        // and both changes are recorded in the transaction that made them
        AuthEvent reset = events.ofType(AuthEventType.PASSWORD_RESET).get(0);
        assertEquals(stranger.id(), reset.userId());
        assertEquals(AdminAccount.REASON, reset.reason());
        assertEquals(1, events.ofType(AuthEventType.USER_ROLES_CHANGED).size());
        assertEquals(1, transactions.count);
    }

    @Test
    void anAdministratorWithTheConfiguredPasswordIsLeftAsItIs() {
        admin.ensure(EMAIL, PASSWORD);
        User before = users.findByEmail(new Email(EMAIL)).orElseThrow();
        SessionGrant session =
                new SessionStarter(sessions, SessionPolicy.DEFAULT, clock, new SecureRandom()).start(before, CLIENT);
        int transactionsBefore = transactions.count;

        admin.ensure(EMAIL, PASSWORD);

        assertEquals(before, users.findById(before.id()).orElseThrow());
        assertFalse(sessions.isRevoked(session.session().id()));
        assertEquals(transactionsBefore, transactions.count);
        assertTrue(events.ofType(AuthEventType.PASSWORD_RESET).isEmpty());
    }
}
