package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignupServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final SignupService signup = new SignupService(
            users,
            hasher,
            PasswordPolicy.DEFAULT,
            new SessionStarter(sessions, SessionPolicy.DEFAULT, clock, new SecureRandom()),
            transactions,
            events,
            clock);

    @Test
    void newAccountIsStoredWithANormalisedEmailAndOnlyAHash() {
        // when
        SessionGrant grant = signup.signup(" Alice@Example.com ", "plum orchard 123", " Alice ", CLIENT);

        // then
        User stored = users.findById(grant.user().id()).orElseThrow();
        assertEquals("alice@example.com", stored.email().value());
        assertEquals("Alice", stored.displayName());
        assertEquals("hash:plum orchard 123", stored.passwordHash());
        assertEquals(Set.of(Role.USER), stored.roles());
        assertEquals(clock.instant(), stored.createdAt());
    }

    @Test
    void newAccountIsLoggedInAtOnce() {
        SessionGrant grant = signup.signup("alice@example.com", "plum orchard 123", null, CLIENT);

        assertEquals(grant.user().id(), sessions.session(grant.session().id()).userId());
        assertTrue(sessions.lockToken(grant.refreshToken().hash()).isPresent());
    }

    @Test
    void duplicateEmailIsTaken() {
        signup.signup("alice@example.com", "plum orchard 123", null, CLIENT);

        assertThrows(
                EmailAlreadyTakenException.class,
                () -> signup.signup("alice@example.com", "another-password", null, CLIENT));
    }

    @Test
    void duplicateEmailInAnotherCaseIsTaken() {
        signup.signup("alice@example.com", "plum orchard 123", null, CLIENT);

        assertThrows(
                EmailAlreadyTakenException.class,
                () -> signup.signup("ALICE@example.COM", "another-password", null, CLIENT));
    }

    @Test
    void duplicateEmailOpensNoSessionAndKeepsTheFirstAccount() {
        SessionGrant first = signup.signup("alice@example.com", "plum orchard 123", null, CLIENT);

        assertThrows(
                EmailAlreadyTakenException.class,
                () -> signup.signup("alice@example.com", "another-password", null, CLIENT));

        assertEquals(1, users.size());
        assertEquals(
                "hash:plum orchard 123",
                users.findByEmail(new Email("alice@example.com")).orElseThrow().passwordHash());
        assertEquals(
                1, sessions.liveSessionsOf(first.user().id(), clock.instant()).size());
    }

    @Test
    void shortPasswordIsRejectedBeforeAnythingIsStored() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> signup.signup("alice@example.com", "short", null, CLIENT));

        assertEquals("password", e.errors().get(0).field());
        assertEquals(0, users.size());
        assertEquals(0, hasher.hashCalls);
    }

    @Test
    void commonPasswordOrTheEmailsLocalPartIsRejectedBeforeAnythingIsStored() {
        InvalidInputException common = assertThrows(
                InvalidInputException.class, () -> signup.signup("alice@example.com", "12345678", null, CLIENT));
        InvalidInputException ownName = assertThrows(
                InvalidInputException.class,
                () -> signup.signup("Bob.The.Builder@example.com", "bob.the.builder", null, CLIENT));

        assertEquals("password", common.errors().get(0).field());
        assertEquals("password", ownName.errors().get(0).field());
        assertEquals(0, users.size());
        assertEquals(0, hasher.hashCalls);
    }

    @Test
    void malformedEmailIsRejected() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> signup.signup("not-an-email", "plum orchard 123", null, CLIENT));

        assertEquals("email", e.errors().get(0).field());
    }

    @Test
    void signupStatesItsEventInTheTransactionThatCreatesTheAccount() {
        SessionGrant grant = signup.signup("alice@example.com", "plum orchard 123", null, CLIENT);

        AuthEvent event = events.ofType(AuthEventType.SIGNUP).get(0);
        assertEquals(Outcome.SUCCESS, event.outcome());
        assertEquals(grant.user().id(), event.userId());
        assertEquals(grant.session().id(), event.sessionId());
        assertEquals("alice@example.com", event.email());
        assertEquals(CLIENT.ip(), event.ip());
        assertEquals(1, transactions.count);
    }

    @Test
    void refusedSignupIsRecordedWithItsReasonAndTheNormalisedAddress() {
        signup.signup("alice@example.com", "plum orchard 123", null, CLIENT);

        assertThrows(
                EmailAlreadyTakenException.class,
                () -> signup.signup(" Alice@Example.com", "another-password", null, CLIENT));

        AuthEvent refused = events.ofType(AuthEventType.SIGNUP).get(1);
        assertEquals(Outcome.FAILURE, refused.outcome());
        assertEquals("email_taken", refused.reason());
        assertEquals("alice@example.com", refused.email());
    }
}
