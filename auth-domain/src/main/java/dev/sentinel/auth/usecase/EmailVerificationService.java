package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.EmailAlreadyVerifiedException;
import dev.sentinel.auth.error.InvalidOneTimeTokenException;
import dev.sentinel.auth.error.MailNotConfiguredException;
import dev.sentinel.auth.error.SessionEndedException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.MailQueue;
import dev.sentinel.auth.mail.Mailer;
import dev.sentinel.auth.mail.OneTimeTokenRepository;
import dev.sentinel.auth.mail.QueuedMail;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import dev.sentinel.auth.user.VerifiedEmails;
import java.time.Clock;
import java.time.Instant;

/** A user proves that mail to their address reaches them, by opening a mailed link. */
public final class EmailVerificationService {
    private final UserRepository users;
    private final VerifiedEmails verifiedEmails;
    private final MailQueue queue;
    private final Mailer mailer;
    private final OneTimeTokenRepository tokens;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public EmailVerificationService(
            UserRepository users,
            VerifiedEmails verifiedEmails,
            MailQueue queue,
            Mailer mailer,
            OneTimeTokenRepository tokens,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.verifiedEmails = verifiedEmails;
        this.queue = queue;
        this.mailer = mailer;
        this.tokens = tokens;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    public void request(Caller caller, ClientInfo client) {
        try {
            if (!mailer.isConfigured()) {
                throw new MailNotConfiguredException();
            }
            User user = users.findById(caller.userId()).orElseThrow(SessionEndedException::new);
            if (verifiedEmails.isVerified(user.id())) {
                throw new EmailAlreadyVerifiedException();
            }
            sendLink(user);
        } catch (AuthException refusal) {
            throw audit.refused(caller.describe(audit.failure(AuthEventType.EMAIL_VERIFICATION_SENT, client)), refusal);
        }
    }

    /** Queues a verification mail for a user who has none verified yet; the event is stated when it is sent. */
    public void sendLink(User user) {
        queue.enqueue(QueuedMail.of(
                MailPurpose.EMAIL_VERIFICATION, user.id(), user.email().value(), clock.instant()));
    }

    public User confirm(String token, ClientInfo client) {
        try {
            if (token == null || token.isBlank() || token.length() > 128) {
                throw new InvalidOneTimeTokenException();
            }
            return transactions.inTransaction(() -> verify(token, client));
        } catch (AuthException refusal) {
            throw audit.refused(audit.failure(AuthEventType.EMAIL_VERIFIED, client), refusal);
        }
    }

    private User verify(String token, ClientInfo client) {
        Instant now = clock.instant();
        User user = tokens.consume(OpaqueToken.hashOf(token))
                .filter(found -> found.worksFor(MailPurpose.EMAIL_VERIFICATION, now))
                .flatMap(found -> users.findById(found.userId()))
                .orElseThrow(InvalidOneTimeTokenException::new);
        verifiedEmails.markVerified(user.id(), now);
        audit.changed(audit.success(AuthEventType.EMAIL_VERIFIED, client)
                .user(user.id())
                .email(user.email().value()));
        return user;
    }
}
