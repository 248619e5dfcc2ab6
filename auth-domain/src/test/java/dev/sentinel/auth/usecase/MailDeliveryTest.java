package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.mail.MailPolicy;
import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.QueuedMail;
import dev.sentinel.auth.session.OpaqueToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailDeliveryTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final FakeMailQueue queue = new FakeMailQueue();
    private final FakeMailer mailer = new FakeMailer();
    private final FakeOneTimeTokens tokens = new FakeOneTimeTokens();
    private final MailPolicy policy =
            new MailPolicy(Duration.ofDays(2), Duration.ofMinutes(30), Duration.ofHours(1), 3);
    private final MailDelivery delivery =
            new MailDelivery(queue, mailer, tokens, policy, transactions, events, clock, new SecureRandom());
    private final UUID user = UUID.randomUUID();

    @Test
    void theTokenIsMintedAtSendingAndOnlyItsHashIsStored() {
        queue.enqueue(QueuedMail.of(MailPurpose.PASSWORD_RESET, user, "a@example.com", clock.instant()));

        assertEquals(1, delivery.deliverDue());

        String token = mailer.delivered.get(0).token();
        assertTrue(tokens.rows.containsKey(OpaqueToken.hashOf(token)));
        assertFalse(tokens.rows.containsKey(token));
        assertEquals(
                clock.instant().plus(Duration.ofMinutes(30)),
                tokens.rows.get(OpaqueToken.hashOf(token)).expiresAt());
        assertTrue(queue.pending().isEmpty());
    }

    @Test
    void aMailThatFailedIsRetriedAfterItsBackoffWithAFreshToken() {
        queue.enqueue(QueuedMail.of(MailPurpose.PASSWORD_RESET, user, "a@example.com", clock.instant()));
        mailer.up = false;
        assertEquals(0, delivery.deliverDue());
        mailer.up = true;

        assertEquals(0, delivery.deliverDue(), "retried before its backoff");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, delivery.deliverDue());

        assertEquals(1, tokens.rows.size(), "the retry did not replace the failed attempt's token");
        assertTrue(tokens.rows.containsKey(
                OpaqueToken.hashOf(mailer.delivered.get(0).token())));
    }

    @Test
    void aMailOlderThanMaxAgeIsDroppedWithAnEvent() {
        queue.enqueue(QueuedMail.of(MailPurpose.EMAIL_VERIFICATION, user, "a@example.com", clock.instant()));
        mailer.up = false;
        for (int i = 0; i < 200 && clock.instant().isBefore(Instant.parse("2026-01-01T01:00:01Z")); i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofSeconds(30));
        }
        delivery.deliverDue();

        assertTrue(queue.rows.isEmpty(), "the mail is still queued");
        assertEquals(1, events.ofType(AuthEventType.MAIL_DELIVERY_FAILED).size());
        assertEquals(
                user, events.ofType(AuthEventType.MAIL_DELIVERY_FAILED).get(0).userId());
    }

    @Test
    void aMailWithoutALinkCarriesNoToken() {
        queue.enqueue(QueuedMail.of(MailPurpose.ACCOUNT_EXISTS, user, "a@example.com", clock.instant()));

        delivery.deliverDue();

        assertNull(mailer.delivered.get(0).token());
        assertTrue(tokens.rows.isEmpty());
    }

    @Test
    void backoffDoublesUpToThirtySeconds() {
        assertEquals(Duration.ofSeconds(1), policy.backoff(0));
        assertEquals(Duration.ofSeconds(16), policy.backoff(4));
        assertEquals(Duration.ofSeconds(30), policy.backoff(5));
        assertEquals(Duration.ofSeconds(30), policy.backoff(40));
    }
}
