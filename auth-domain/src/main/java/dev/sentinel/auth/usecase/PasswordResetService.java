package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.InvalidOneTimeTokenException;
import dev.sentinel.auth.error.MailNotConfiguredException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.mail.MailPolicy;
import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.MailQueue;
import dev.sentinel.auth.mail.Mailer;
import dev.sentinel.auth.mail.OneTimeToken;
import dev.sentinel.auth.mail.OneTimeTokenRepository;
import dev.sentinel.auth.mail.QueuedMail;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import dev.sentinel.auth.user.VerifiedEmails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A user who forgot the password asks for a mailed link, and sets a new password through it. */
public final class PasswordResetService {
    private static final Duration HOUR = Duration.ofHours(1);

    private final UserRepository users;
    private final Ports ports;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final MailPolicy mailPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    /** The stores a reset touches besides the users. */
    public record Ports(
            MailQueue queue,
            Mailer mailer,
            OneTimeTokenRepository tokens,
            SessionRepository sessions,
            RevokedSessions revokedSessions,
            AccountLockout lockout,
            VerifiedEmails verifiedEmails) {}

    public PasswordResetService(
            UserRepository users,
            Ports ports,
            PasswordHasher hasher,
            PasswordPolicy policy,
            MailPolicy mailPolicy,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.ports = ports;
        this.hasher = hasher;
        this.policy = policy;
        this.mailPolicy = mailPolicy;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    /** Answers the same whether or not the address has an account: only an existing one gets a mail. */
    public void request(String email, ClientInfo client) {
        try {
            if (!ports.mailer().isConfigured()) {
                throw new MailNotConfiguredException();
            }
            Email address = new Email(email);
            Optional<User> user = users.findByEmail(address);
            Instant now = clock.instant();
            if (user.isEmpty()) {
                audit.attempted(audit.failure(AuthEventType.PASSWORD_RESET_REQUESTED, client)
                        .email(address.value())
                        .reason("unknown_email"));
            } else if (ports.queue().countQueuedSince(address.value(), MailPurpose.PASSWORD_RESET, now.minus(HOUR))
                    >= mailPolicy.resetMailsPerHour()) {
                audit.attempted(audit.failure(AuthEventType.PASSWORD_RESET_REQUESTED, client)
                        .user(user.get().id())
                        .email(address.value())
                        .reason("mail_limit"));
            } else {
                enqueue(user.get(), now, client);
            }
        } catch (AuthException refusal) {
            throw audit.refused(
                    audit.failure(AuthEventType.PASSWORD_RESET_REQUESTED, client)
                            .email(Email.normalise(email)),
                    refusal);
        }
    }

    public void confirm(String token, String newPassword, ClientInfo client) {
        try {
            policy.check("newPassword", newPassword);
            OneTimeToken valid = validToken(token);
            String newHash = hasher.hash(newPassword);
            User user = users.findById(valid.userId()).orElseThrow(InvalidOneTimeTokenException::new);
            List<UUID> revoked = transactions.inTransaction(() -> reset(token, user, newHash, client));
            ports.revokedSessions().revoked(revoked);
            ports.lockout().clear(user.email());
        } catch (AuthException refusal) {
            throw audit.refused(audit.failure(AuthEventType.PASSWORD_RESET, client), refusal);
        }
    }

    private void enqueue(User user, Instant now, ClientInfo client) {
        transactions.inTransaction(() -> {
            ports.queue()
                    .enqueue(QueuedMail.of(
                            MailPurpose.PASSWORD_RESET, user.id(), user.email().value(), now));
            audit.changed(audit.success(AuthEventType.PASSWORD_RESET_REQUESTED, client)
                    .user(user.id())
                    .email(user.email().value()));
            return null;
        });
    }

    private OneTimeToken validToken(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw new InvalidOneTimeTokenException();
        }
        return ports.tokens()
                .find(OpaqueToken.hashOf(token))
                .filter(found -> found.worksFor(MailPurpose.PASSWORD_RESET, clock.instant()))
                .orElseThrow(InvalidOneTimeTokenException::new);
    }

    /** Consumed in the transaction that changes the password, so that two uses at once change it once. */
    private List<UUID> reset(String token, User user, String newHash, ClientInfo client) {
        Instant now = clock.instant();
        ports.tokens()
                .consume(OpaqueToken.hashOf(token))
                .filter(found -> found.worksFor(MailPurpose.PASSWORD_RESET, now))
                .orElseThrow(InvalidOneTimeTokenException::new);
        users.updatePasswordHash(user.id(), newHash);
        if (!ports.verifiedEmails().isVerified(user.id())) {
            ports.verifiedEmails().markVerified(user.id(), now); // the link reached the address: it is the user's
        }
        List<UUID> ended = ports.sessions().revokeAllOf(user.id(), null, now);
        audit.changed(audit.success(AuthEventType.PASSWORD_RESET, client)
                .user(user.id())
                .email(user.email().value()));
        return ended;
    }
}
