package dev.sentinel.auth.usecase;

import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.mail.MailDeliveryException;
import dev.sentinel.auth.mail.MailPolicy;
import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.MailQueue;
import dev.sentinel.auth.mail.Mailer;
import dev.sentinel.auth.mail.OneTimeToken;
import dev.sentinel.auth.mail.OneTimeTokenRepository;
import dev.sentinel.auth.mail.OutgoingMail;
import dev.sentinel.auth.mail.QueuedMail;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Sends the queued mails that are due. A link's token is minted here, at the moment of sending, and only its hash
 * is stored: the queue never holds it, and a mail retried after an outage carries a fresh token that kills the
 * one of the failed attempt.
 */
public final class MailDelivery {
    private static final int BATCH = 20;
    private static final ClientInfo NO_CLIENT = new ClientInfo(null, null);

    private final MailQueue queue;
    private final Mailer mailer;
    private final OneTimeTokenRepository tokens;
    private final MailPolicy policy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random;

    public MailDelivery(
            MailQueue queue,
            Mailer mailer,
            OneTimeTokenRepository tokens,
            MailPolicy policy,
            Transactions transactions,
            AuthEventLog events,
            Clock clock,
            SecureRandom random) {
        this.queue = queue;
        this.mailer = mailer;
        this.tokens = tokens;
        this.policy = policy;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
        this.random = random;
    }

    /** Returns the number of mails handed to the SMTP server. */
    public int deliverDue() {
        if (!mailer.isConfigured()) {
            return 0;
        }
        int sent = 0;
        for (QueuedMail mail : queue.due(clock.instant(), BATCH)) {
            Instant now = clock.instant();
            if (mail.olderThan(policy.maxAge(), now)) {
                giveUp(mail);
            } else if (queue.claim(mail, now.plus(policy.backoff(mail.attempts())))) {
                sent += attempt(mail) ? 1 : 0;
            }
        }
        return sent;
    }

    public int purge(Instant now) {
        return queue.purgeSentBefore(now.minus(policy.maxAge()).minusSeconds(3600)) + tokens.purgeExpired(now);
    }

    private boolean attempt(QueuedMail mail) {
        String token = mail.purpose().carriesToken() ? mintToken(mail) : null;
        try {
            mailer.send(new OutgoingMail(mail.email(), mail.purpose(), token, policy.linkLifetime(mail.purpose())));
        } catch (MailDeliveryException e) {
            return false; // claimed with a later next attempt: the queue tries again then
        }
        transactions.inTransaction(() -> {
            queue.markSent(mail.id(), clock.instant());
            if (mail.purpose() == MailPurpose.EMAIL_VERIFICATION) {
                audit.changed(audit.success(AuthEventType.EMAIL_VERIFICATION_SENT, NO_CLIENT)
                        .user(mail.userId())
                        .email(mail.email()));
            }
            return null;
        });
        return true;
    }

    private String mintToken(QueuedMail mail) {
        OpaqueToken token = OpaqueToken.generate(random);
        Instant expiresAt = clock.instant().plus(policy.linkLifetime(mail.purpose()));
        tokens.replace(new OneTimeToken(token.hash(), mail.purpose(), mail.userId(), expiresAt));
        return token.value();
    }

    private void giveUp(QueuedMail mail) {
        transactions.inTransaction(() -> {
            queue.remove(mail.id());
            audit.changed(audit.failure(AuthEventType.MAIL_DELIVERY_FAILED, NO_CLIENT)
                    .user(mail.userId())
                    .email(mail.email())
                    .reason(mail.purpose().name().toLowerCase(Locale.ROOT)));
            return null;
        });
    }
}
