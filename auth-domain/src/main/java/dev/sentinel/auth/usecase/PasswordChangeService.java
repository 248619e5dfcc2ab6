package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
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
    private final RevokedSessions revokedSessions;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public PasswordChangeService(
            UserRepository users,
            SessionRepository sessions,
            PasswordHasher hasher,
            PasswordPolicy policy,
            RevokedSessions revokedSessions,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
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
        policy.check("newPassword", newPassword);
        User user = users.findById(caller.userId()).orElseThrow(InvalidCredentialsException::new);
        if (!hasher.verify(currentPassword, user.passwordHash())) {
            throw new InvalidCredentialsException();
        }
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
}
