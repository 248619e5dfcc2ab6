package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A user changes their password; every other session ends, since one of them may be an intruder's. */
public final class PasswordChangeService {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AccountLockout lockout;
    private final RevokedSessions revokedSessions;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public PasswordChangeService(
            UserRepository users,
            SessionRepository sessions,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AccountLockout lockout,
            RevokedSessions revokedSessions,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.lockout = lockout;
        this.revokedSessions = revokedSessions;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    public List<UUID> change(Caller caller, String currentPassword, String newPassword, ClientInfo client) {
        try {
            return verifyAndChange(caller, currentPassword, newPassword, client);
        } catch (AuthException refusal) {
            throw audit.refused(caller.describe(audit.failure(AuthEventType.PASSWORD_CHANGED, client)), refusal);
        }
    }

    private List<UUID> verifyAndChange(Caller caller, String currentPassword, String newPassword, ClientInfo client) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw InvalidInputException.of("currentPassword", "must not be empty");
        }
        User user = users.findById(caller.userId()).orElseThrow(InvalidCredentialsException::new);
        policy.check("newPassword", newPassword, user.email());
        verifyCurrentPassword(user, currentPassword, client);
        String newHash = hasher.hash(newPassword);
        List<UUID> revoked = transactions.inTransaction(() -> {
            int version = users.replacePassword(caller.userId(), newHash);
            sessions.updateCredentialVersion(caller.sessionId(), version);
            List<UUID> ended = sessions.revokeAllOf(caller.userId(), caller.sessionId(), clock.instant());
            audit.changed(caller.describe(audit.success(AuthEventType.PASSWORD_CHANGED, client)));
            return ended;
        });
        revokedSessions.revoked(revoked);
        return revoked;
    }

    /** A guess at the current password counts as a failed login of the account (docs/api.md). */
    private void verifyCurrentPassword(User user, String currentPassword, ClientInfo client) {
        AccountLockout.Attempt attempt = lockout.begin(user.email(), client);
        boolean valid;
        try {
            valid = hasher.verify(currentPassword, user.passwordHash());
        } catch (RuntimeException undecided) {
            lockout.abandoned(attempt);
            throw undecided;
        }
        if (!valid) {
            lockout.failed(attempt);
            throw new InvalidCredentialsException();
        }
        lockout.succeeded(attempt);
    }
}
