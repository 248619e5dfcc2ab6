package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.AccountDisabledException;
import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.TooManyRequestsException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.ratelimit.LockoutPolicy;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginServiceTest {
    private static final String EMAIL = "alice@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final FakeLoginFailureStore failures = new FakeLoginFailureStore();
    private final AccountLockout lockout = new AccountLockout(failures, LockoutPolicy.DEFAULT, events, clock);
    private final LoginService login = new LoginService(
            users,
            hasher,
            PasswordPolicy.DEFAULT,
            lockout,
            new SessionStarter(sessions, SessionPolicy.DEFAULT, clock, new SecureRandom()),
            new SecondFactorGate(
                    new FakeSecondFactors(), new FakeSecondFactors(), transactions, events, clock, new SecureRandom()),
            transactions,
            events,
            clock);

    @Test
    void rightPasswordOpensASessionForTheUser() {
        // given
        User alice = registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        // when
        SessionGrant grant = login.login(EMAIL, PASSWORD, CLIENT);

        // then
        assertEquals(alice.id(), grant.user().id());
        assertEquals(alice.id(), sessions.session(grant.session().id()).userId());
        assertTrue(sessions.lockToken(grant.refreshToken().hash()).isPresent());
    }

    @Test
    void emailIsMatchedIgnoringCaseAndSurroundingBlanks() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        assertDoesNotThrow(() -> login.login("  ALICE@Example.com ", PASSWORD, CLIENT));
    }

    @Test
    void unknownEmailIsInvalidCredentials() {
        assertThrows(InvalidCredentialsException.class, () -> login.login("nobody@example.com", PASSWORD, CLIENT));
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, "wrong password", CLIENT));
    }

    @Test
    void unknownEmailStillVerifiesOnceSoThatItTakesAsLongAsAWrongPassword() {
        // given
        int before = hasher.verifyCalls;

        // when
        assertThrows(InvalidCredentialsException.class, () -> login.login("nobody@example.com", PASSWORD, CLIENT));

        // then
        assertEquals(1, hasher.verifyCalls - before);
    }

    @Test
    void wrongPasswordVerifiesExactlyOnce() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        int before = hasher.verifyCalls;

        assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, "wrong password", CLIENT));

        assertEquals(1, hasher.verifyCalls - before);
    }

    @Test
    void passwordIsComparedExactlyWithoutTrimming() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, " " + PASSWORD, CLIENT));
    }

    @Test
    void emptyPasswordIsInvalidInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> login.login(EMAIL, "", CLIENT));

        assertEquals("password", e.errors().get(0).field());
    }

    @Test
    void fifthFailureStillAnswersInvalidCredentials() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        failTimes(4);

        assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, "wrong password", CLIENT));
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsTooManyRequests() {
        // given
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        failTimes(5);

        // when
        TooManyRequestsException e =
                assertThrows(TooManyRequestsException.class, () -> login.login(EMAIL, PASSWORD, CLIENT));

        // then
        assertEquals("account_locked", e.reason());
        assertEquals(Duration.ofMinutes(15), e.retryAfter());
    }

    @Test
    void lockedLoginDoesNotEvenVerifyThePassword() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        failTimes(5);
        int before = hasher.verifyCalls;

        assertThrows(TooManyRequestsException.class, () -> login.login(EMAIL, PASSWORD, CLIENT));

        assertEquals(before, hasher.verifyCalls);
    }

    @Test
    void unknownEmailIsLockedTooSoThatALockRevealsNothing() {
        for (int i = 0; i < 5; i++) {
            assertThrows(
                    InvalidCredentialsException.class,
                    () -> login.login("nobody@example.com", "wrong password", CLIENT));
        }

        assertThrows(TooManyRequestsException.class, () -> login.login("nobody@example.com", "wrong password", CLIENT));
    }

    @Test
    void lockIsRecordedOnceAsAnAccountLockedEvent() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        failTimes(5);

        assertEquals(1, events.ofType(AuthEventType.ACCOUNT_LOCKED).size());
        assertEquals(EMAIL, events.ofType(AuthEventType.ACCOUNT_LOCKED).get(0).email());
    }

    @Test
    void lockEndsAfterItsDuration() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        failTimes(5);

        clock.advance(Duration.ofMinutes(15));

        assertDoesNotThrow(() -> login.login(EMAIL, PASSWORD, CLIENT));
    }

    @Test
    void successResetsTheFailureCount() {
        // given
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        failTimes(4);
        login.login(EMAIL, PASSWORD, CLIENT);

        // when: four more failures would have made nine in a row
        failTimes(4);

        // then
        assertDoesNotThrow(() -> login.login(EMAIL, PASSWORD, CLIENT));
    }

    @Test
    void successLeavesNoCountAgainstTheEmail() {
        // given
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        failTimes(2);

        // when
        login.login(EMAIL, PASSWORD, CLIENT);

        // then
        assertEquals(0, failures.find("email:" + EMAIL).count());
        assertEquals(0, failures.find("email:" + EMAIL + "|" + CLIENT.network()).count());
    }

    @Test
    void fiveFailuresFromOneClientLeaveTheEmailOpenToAnother() {
        // given
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        failTimes(5);

        // when / then
        assertThrows(TooManyRequestsException.class, () -> login.login(EMAIL, PASSWORD, CLIENT));
        assertDoesNotThrow(() -> login.login(EMAIL, PASSWORD, new ClientInfo("10.0.0.2", "junit")));
    }

    @Test
    void theAccountWideThresholdLocksTheEmailForEveryClient() {
        // given: 50 failures from 25 clients, two each
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        for (int i = 0; i < 50; i++) {
            ClientInfo client = new ClientInfo("10.1.0." + (i / 2), "junit");
            assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, "wrong password", client));
        }

        // when / then
        assertThrows(
                TooManyRequestsException.class,
                () -> login.login(EMAIL, PASSWORD, new ClientInfo("10.2.0.1", "junit")));
    }

    @Test
    void theClientBudgetRefusesEveryEmailOnceFiftyFailed() {
        // given: one guess each at 50 emails from one client (password spraying)
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        for (int i = 0; i < 50; i++) {
            String sprayed = "user" + i + "@example.com";
            assertThrows(InvalidCredentialsException.class, () -> login.login(sprayed, "wrong password", CLIENT));
        }

        // when / then: even an email it never tried, with the right password
        TooManyRequestsException e =
                assertThrows(TooManyRequestsException.class, () -> login.login(EMAIL, PASSWORD, CLIENT));
        assertEquals(Duration.ofMinutes(15), e.retryAfter());
        assertDoesNotThrow(() -> login.login(EMAIL, PASSWORD, new ClientInfo("10.0.0.2", "junit")));
    }

    @Test
    void aSuccessDoesNotRefillTheClientBudget() {
        // given: 49 sprayed failures, then the attacker logs into an account of their own
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        for (int i = 0; i < 49; i++) {
            String sprayed = "user" + i + "@example.com";
            assertThrows(InvalidCredentialsException.class, () -> login.login(sprayed, "wrong password", CLIENT));
        }
        login.login(EMAIL, PASSWORD, CLIENT);

        // when: one more sprayed guess fails
        assertThrows(InvalidCredentialsException.class, () -> login.login("user99@example.com", "wrong", CLIENT));

        // then the budget of 50 is spent
        assertThrows(TooManyRequestsException.class, () -> login.login(EMAIL, PASSWORD, CLIENT));
    }

    @Test
    void anAttemptTheHasherCouldNotDecideDoesNotCount() {
        // given
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        hasher.failNextVerify = true;

        // when
        assertThrows(IllegalStateException.class, () -> login.login(EMAIL, "wrong password", CLIENT));

        // then
        assertEquals(0, failures.find("email:" + EMAIL + "|" + CLIENT.network()).count());
        assertEquals(0, failures.find("client:" + CLIENT.network()).count());
    }

    @Test
    void hashWithOutdatedParametersIsReplacedOnLogin() {
        // given
        User alice = registered(EMAIL, FakePasswordHasher.OLD_PREFIX + PASSWORD);

        // when
        login.login(EMAIL, PASSWORD, CLIENT);

        // then
        assertEquals(1, users.passwordUpdates);
        assertEquals(
                FakePasswordHasher.PREFIX + PASSWORD,
                users.findById(alice.id()).orElseThrow().passwordHash());
    }

    @Test
    void currentHashIsLeftAlone() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        login.login(EMAIL, PASSWORD, CLIENT);

        assertEquals(0, users.passwordUpdates);
    }

    @Test
    void failedLoginDoesNotRehash() {
        registered(EMAIL, FakePasswordHasher.OLD_PREFIX + PASSWORD);

        assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, "wrong password", CLIENT));

        assertEquals(0, users.passwordUpdates);
    }

    @Test
    void aDisabledAccountIsRefusedAsDisabledAfterTheRightPassword() {
        User alice = registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        users.setDisabled(alice.id(), true);

        assertThrows(AccountDisabledException.class, () -> login.login(EMAIL, PASSWORD, CLIENT));

        assertEquals(0, sessions.liveSessionsOf(alice.id(), clock.instant()).size());
        assertEquals(
                "account_disabled", events.ofType(AuthEventType.LOGIN).get(0).reason());
    }

    @Test
    void aDisabledAccountWithAWrongPasswordIsInvalidCredentialsAsAnyOther() {
        User alice = registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);
        users.setDisabled(alice.id(), true);

        assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, "wrong password", CLIENT));
    }

    @Test
    void aLoginIsNotedAsTheLastLogin() {
        User alice = registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        login.login(EMAIL, PASSWORD, CLIENT);

        assertEquals(clock.instant(), users.findById(alice.id()).orElseThrow().lastLoginAt());
    }

    private User registered(String email, String passwordHash) {
        User user = User.register(new Email(email), "Alice", passwordHash, clock.instant());
        users.add(user);
        return user;
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, "wrong password", CLIENT));
        }
    }

    @Test
    void loginStatesItsEventInTheTransactionThatOpensTheSession() {
        User alice = registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        SessionGrant grant = login.login(EMAIL, PASSWORD, CLIENT);

        AuthEvent event = events.ofType(AuthEventType.LOGIN).get(0);
        assertEquals(Outcome.SUCCESS, event.outcome());
        assertEquals(alice.id(), event.userId());
        assertEquals(grant.session().id(), event.sessionId());
        assertEquals(1, transactions.count);
    }

    @Test
    void failedLoginIsRecordedAsInvalidCredentials() {
        registered(EMAIL, FakePasswordHasher.PREFIX + PASSWORD);

        assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, "wrong password", CLIENT));

        AuthEvent event = events.ofType(AuthEventType.LOGIN).get(0);
        assertEquals(Outcome.FAILURE, event.outcome());
        assertEquals("invalid_credentials", event.reason());
        assertEquals(EMAIL, event.email());
        assertEquals(0, transactions.count);
    }
}
