package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.MailQueue;
import dev.sentinel.auth.mail.QueuedMail;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signup when a verified address is required: the account opens no session until its address is verified, and
 * the answer is the same whether or not the address was taken (its owner gets a mail saying so instead), so
 * signup no longer tells a stranger who has an account.
 */
public final class VerifiedSignupService {
    private static final Duration HOUR = Duration.ofHours(1);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final MailQueue queue;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public VerifiedSignupService(
            UserRepository users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            MailQueue queue,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.queue = queue;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    /** The new user, or for a taken address a user that was never stored: the caller cannot tell which. */
    public User signup(String email, String password, String displayName, ClientInfo client) {
        try {
            Email address = new Email(email);
            policy.check("password", password);
            // hashed in both cases, so that a taken address answers in the same time as a new one
            User candidate = User.register(address, displayName, hasher.hash(password), clock.instant());
            Optional<User> existing = users.findByEmail(address);
            return existing.isPresent() ? tellTheOwner(existing.get(), candidate, client) : register(candidate, client);
        } catch (AuthException refusal) {
            throw audit.refused(audit.failure(AuthEventType.SIGNUP, client).email(Email.normalise(email)), refusal);
        }
    }

    private User register(User user, ClientInfo client) {
        try {
            return transactions.inTransaction(() -> {
                users.add(user);
                queue.enqueue(QueuedMail.of(
                        MailPurpose.EMAIL_VERIFICATION, user.id(), user.email().value(), clock.instant()));
                audit.changed(audit.success(AuthEventType.SIGNUP, client)
                        .user(user.id())
                        .email(user.email().value()));
                return user;
            });
        } catch (EmailAlreadyTakenException lostRace) {
            return users.findByEmail(user.email())
                    .map(owner -> tellTheOwner(owner, user, client))
                    .orElse(user);
        }
    }

    /** At most three such mails an hour: repeated signups must not flood the owner's mailbox. */
    private User tellTheOwner(User owner, User candidate, ClientInfo client) {
        Instant now = clock.instant();
        if (queue.countQueuedSince(owner.email().value(), MailPurpose.ACCOUNT_EXISTS, now.minus(HOUR)) < 3) {
            transactions.inTransaction(() -> {
                queue.enqueue(QueuedMail.of(
                        MailPurpose.ACCOUNT_EXISTS, owner.id(), owner.email().value(), now));
                return null;
            });
        }
        audit.attempted(audit.failure(AuthEventType.SIGNUP, client)
                .user(owner.id())
                .email(owner.email().value())
                .reason(new EmailAlreadyTakenException().reason()));
        return candidate;
    }
}
