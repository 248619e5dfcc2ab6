package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.InvalidOneTimeTokenException;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.mail.MailPolicy;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.ratelimit.FailedLogins;
import dev.sentinel.auth.ratelimit.LockoutPolicy;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordResetServiceTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.1", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakeRevokedSessions revoked = new FakeRevokedSessions();
    private final FakeLoginFailureStore failures = new FakeLoginFailureStore();
    private final FakeVerifiedEmails verified = new FakeVerifiedEmails();
    private final FakeMailQueue queue = new FakeMailQueue();
    private final FakeMailer mailer = new FakeMailer();
    private final FakeOneTimeTokens tokens = new FakeOneTimeTokens();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final MailPolicy policy =
            new MailPolicy(Duration.ofDays(2), Duration.ofMinutes(30), Duration.ofHours(1), 3);
    private final PasswordResetService service = new PasswordResetService(
            users,
            new PasswordResetService.Ports(
                    queue,
                    mailer,
                    tokens,
                    sessions,
                    revoked,
                    new AccountLockout(failures, LockoutPolicy.DEFAULT, events, clock),
                    verified),
            new FakePasswordHasher(),
            PasswordPolicy.DEFAULT,
            policy,
            transactions,
            events,
            clock);
    private final MailDelivery delivery =
            new MailDelivery(queue, mailer, tokens, policy, transactions, events, clock, new SecureRandom());
    private final User alice =
            User.register(new Email("alice@example.com"), null, "hash:old-password", clock.instant());

    PasswordResetServiceTest() {
        users.add(alice);
    }

    @Test
    void theMailedTokenSetsTheNewPasswordEndsEverySessionAndClearsTheLockout() {
        UUID session = open();
        List<String> locks = List.of("email:alice@example.com", "email:alice@example.com|10.0.0.9");
        failures.update(
                locks,
                before -> Map.of(
                        locks.get(0),
                                new FailedLogins(
                                        50, clock.instant(), clock.instant().plusSeconds(600)),
                        locks.get(1), new FailedLogins(5, null, clock.instant().plusSeconds(600))));

        service.request("Alice@Example.com", CLIENT);
        delivery.deliverDue();
        service.confirm(mailer.delivered.get(0).token(), "a new passphrase", CLIENT);

        assertEquals(
                "hash:a new passphrase",
                users.findById(alice.id()).orElseThrow().passwordHash());
        assertTrue(sessions.isRevoked(session));
        assertTrue(revoked.told.contains(session));
        locks.forEach(key -> assertEquals(FailedLogins.NONE, failures.find(key), key));
        assertTrue(verified.isVerified(alice.id()));
        assertEquals(
                Outcome.SUCCESS,
                events.ofType(AuthEventType.PASSWORD_RESET).get(0).outcome());
    }

    @Test
    void aTokenWorksOnce() {
        service.request("alice@example.com", CLIENT);
        delivery.deliverDue();
        String token = mailer.delivered.get(0).token();
        service.confirm(token, "a new passphrase", CLIENT);

        assertThrows(InvalidOneTimeTokenException.class, () -> service.confirm(token, "another passphrase", CLIENT));
        assertEquals(
                "hash:a new passphrase",
                users.findById(alice.id()).orElseThrow().passwordHash());
    }

    @Test
    void anExpiredTokenIsRefused() {
        service.request("alice@example.com", CLIENT);
        delivery.deliverDue();
        clock.advance(Duration.ofMinutes(30));

        assertThrows(
                InvalidOneTimeTokenException.class,
                () -> service.confirm(mailer.delivered.get(0).token(), "a new passphrase", CLIENT));
        assertEquals(
                "hash:old-password", users.findById(alice.id()).orElseThrow().passwordHash());
    }

    @Test
    void anUnknownAddressQueuesNothingAndIsNotRefused() {
        service.request("nobody@example.com", CLIENT);

        assertTrue(queue.rows.isEmpty());
        assertEquals(
                "unknown_email",
                events.ofType(AuthEventType.PASSWORD_RESET_REQUESTED).get(0).reason());
    }

    @Test
    void anAddressGetsAtMostThreeResetMailsAnHour() {
        for (int i = 0; i < 5; i++) {
            service.request("alice@example.com", CLIENT);
        }

        assertEquals(3, queue.rows.size());
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        service.request("alice@example.com", CLIENT);
        assertEquals(4, queue.rows.size());
    }

    private UUID open() {
        Session session = Session.open(alice.id(), CLIENT, clock.instant(), SessionPolicy.DEFAULT);
        sessions.add(session);
        return session.id();
    }
}
