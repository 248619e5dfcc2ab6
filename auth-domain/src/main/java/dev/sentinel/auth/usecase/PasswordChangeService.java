package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
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
    private final Clock clock;

    public PasswordChangeService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
                                 PasswordPolicy policy, RevokedSessions revokedSessions, Transactions transactions,
                                 Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.revokedSessions = revokedSessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<UUID> change(UUID userId, UUID currentSession, String currentPassword, String newPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw InvalidInputException.of("current_password", "must not be empty");
        }
        policy.check("new_password", newPassword);
        User user = users.findById(userId).orElseThrow(InvalidCredentialsException::new);
        if (!hasher.verify(currentPassword, user.passwordHash())) {
            throw new InvalidCredentialsException();
        }
        String newHash = hasher.hash(newPassword);
        List<UUID> revoked = transactions.inTransaction(() -> {
            users.updatePasswordHash(userId, newHash);
            return sessions.revokeAllOf(userId, currentSession, clock.instant());
        });
        revokedSessions.revoked(revoked);
        return revoked;
    }
}
