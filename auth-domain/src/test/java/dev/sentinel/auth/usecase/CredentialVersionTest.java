package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidRefreshTokenException;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.ratelimit.LockoutPolicy;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.session.SuccessorSeal;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session lives no longer than the password it was opened with (issue 12, item 9). */
class CredentialVersionTest {
    private static final String EMAIL = "alice@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final SecureRandom random = new SecureRandom();
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakeRevokedSessions revoked = new FakeRevokedSessions();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final SessionStarter starter = new SessionStarter(sessions, SessionPolicy.DEFAULT, clock, random);
    private final User alice =
            User.register(new Email(EMAIL), "Alice", FakePasswordHasher.PREFIX + PASSWORD, clock.instant());

    CredentialVersionTest() {
        users.add(alice);
    }

    @Test
    void aSessionCarriesTheCredentialVersionItWasOpenedWith() {
        users.replacePassword(alice.id(), FakePasswordHasher.PREFIX + PASSWORD);

        SessionGrant grant = loginWith(new FakePasswordHasher()).login(EMAIL, PASSWORD, CLIENT);

        assertEquals(1, sessions.session(grant.session().id()).credentialVersion());
    }

    @Test
    void aLoginThatCheckedAPasswordReplacedMeanwhileOpensNoSession() {
        // given a password change that commits while the login's hash is being computed
        FakePasswordHasher hasher = new FakePasswordHasher();
        PasswordHasher racingChange = new PasswordHasher() {
            @Override
            public String hash(String password) {
                return hasher.hash(password);
            }

            @Override
            public boolean verify(String password, String encodedHash) {
                users.replacePassword(alice.id(), FakePasswordHasher.PREFIX + "the new password");
                return hasher.verify(password, encodedHash);
            }

            @Override
            public boolean needsRehash(String encodedHash) {
                return hasher.needsRehash(encodedHash);
            }
        };

        // when the login (with the password it read before the change) goes on
        LoginService login = loginWith(racingChange);

        // then it is refused and no session exists for the old password
        assertThrows(InvalidCredentialsException.class, () -> login.login(EMAIL, PASSWORD, CLIENT));
        assertTrue(sessions.liveSessionsOf(alice.id(), clock.instant()).isEmpty());
    }

    @Test
    void aSessionOpenedBeforeThePasswordWasReplacedCannotBeRefreshedAndEnds() {
        SessionGrant before = starter.start(alice, CLIENT);
        users.replacePassword(alice.id(), FakePasswordHasher.PREFIX + "the new password");
        TokenRefreshService refresh = new TokenRefreshService(
                sessions,
                users,
                transactions,
                revoked,
                events,
                SessionPolicy.DEFAULT,
                new SuccessorSeal(() -> java.util.List.of(new byte[32])),
                clock,
                random);

        InvalidRefreshTokenException refused = assertThrows(
                InvalidRefreshTokenException.class,
                () -> refresh.refresh(before.refreshToken().value(), CLIENT));

        assertEquals("password_changed", refused.reason());
        assertTrue(sessions.isRevoked(before.session().id()));
        assertEquals(java.util.List.of(before.session().id()), revoked.told);
    }

    @Test
    void theSessionThatChangedThePasswordGoesOnUnderTheNewOne() {
        SessionGrant caller = starter.start(alice, CLIENT);
        PasswordChangeService change = new PasswordChangeService(
                users,
                sessions,
                new FakePasswordHasher(),
                PasswordPolicy.DEFAULT,
                new AccountLockout(new FakeLoginFailureStore(), LockoutPolicy.DEFAULT, events, clock),
                revoked,
                transactions,
                events,
                clock);
        TokenRefreshService refresh = new TokenRefreshService(
                sessions,
                users,
                transactions,
                revoked,
                events,
                SessionPolicy.DEFAULT,
                new SuccessorSeal(() -> java.util.List.of(new byte[32])),
                clock,
                random);

        change.change(new Caller(alice.id(), caller.session().id(), EMAIL), PASSWORD, "the new password", CLIENT);

        assertEquals(
                caller.session().id(),
                refresh.refresh(caller.refreshToken().value(), CLIENT).session().id());
    }

    private LoginService loginWith(PasswordHasher hasher) {
        AccountLockout lockout = new AccountLockout(new FakeLoginFailureStore(), LockoutPolicy.DEFAULT, events, clock);
        FakeSecondFactors none = new FakeSecondFactors();
        SecondFactorGate gate = new SecondFactorGate(none, none, transactions, events, clock, new SecureRandom());
        return new LoginService(
                users, hasher, PasswordPolicy.DEFAULT, lockout, starter, gate, transactions, events, clock);
    }
}
