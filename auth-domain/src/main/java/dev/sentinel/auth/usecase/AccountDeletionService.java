package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.AccountRemoval;
import dev.sentinel.auth.user.LastAdminRule;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A user deletes their own account, proving it with the password; the audit trail keeps only the user id. The last
 * active administrator cannot: the service would have nobody to administer it.
 */
public final class AccountDeletionService {
    private final UserRepository users;
    private final AccountErasure erasure;
    private final RevokedSessions revokedSessions;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Audit audit;

    public AccountDeletionService(
            UserRepository users,
            AccountRemoval removal,
            SessionRepository sessions,
            RevokedSessions revokedSessions,
            PasswordHasher hasher,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.erasure = new AccountErasure(sessions, removal, clock);
        this.revokedSessions = revokedSessions;
        this.hasher = hasher;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
    }

    public void delete(Caller caller, String currentPassword, ClientInfo client) {
        try {
            if (currentPassword == null || currentPassword.isEmpty()) {
                throw InvalidInputException.of("currentPassword", "must not be empty");
            }
            User user = users.findById(caller.userId()).orElseThrow(InvalidCredentialsException::new);
            if (!hasher.verify(currentPassword, user.passwordHash())) {
                throw new InvalidCredentialsException();
            }
            List<UUID> ended = transactions.inTransaction(() -> {
                users.lockAdministrators();
                users.findById(user.id())
                        .ifPresent(current -> LastAdminRule.check(current, null, users::countActiveAdmins));
                List<UUID> revoked = erasure.erase(user.id());
                audit.changed(audit.success(AuthEventType.USER_DELETED, client).user(user.id()));
                return revoked;
            });
            revokedSessions.revoked(ended);
        } catch (AuthException refusal) {
            throw audit.refused(caller.describe(audit.failure(AuthEventType.USER_DELETED, client)), refusal);
        }
    }
}
