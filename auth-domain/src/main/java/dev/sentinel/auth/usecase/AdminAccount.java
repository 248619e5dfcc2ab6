package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Makes sure the configured administrator exists with the configured password. An account someone signed up
 * with that address before is not trusted as it is: its password is replaced by the configured one and its
 * sessions end before it gets the role, so that whoever registered the address first holds nothing.
 */
public final class AdminAccount {
    static final String REASON = "admin_bootstrap";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final RevokedSessions revokedSessions;
    private final Transactions transactions;
    private final AuthEventLog events;
    private final Clock clock;

    public AdminAccount(
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
        this.events = events;
        this.clock = clock;
    }

    public void ensure(String email, String password) {
        Email address = new Email(email);
        User existing = users.findByEmail(address).orElse(null);
        if (existing == null) {
            policy.check("adminPassword", password);
            try {
                users.add(User.register(address, "Administrator", hasher.hash(password), clock.instant()));
            } catch (EmailAlreadyTakenException raceWithAnotherInstance) {
                // the other instance created it; what follows is idempotent
            }
            existing = users.findByEmail(address).orElseThrow();
        }
        User account = existing;
        boolean configuredPassword = hasher.verify(password, account.passwordHash());
        if (configuredPassword && account.isAdmin()) {
            return;
        }
        String newHash = configuredPassword ? null : hashChecked(password);
        List<UUID> ended = transactions.inTransaction(() -> {
            List<UUID> revoked = List.of();
            if (newHash != null) {
                users.replacePassword(account.id(), newHash);
                revoked = sessions.revokeAllOf(account.id(), null, clock.instant());
                events.recordChange(event(AuthEventType.PASSWORD_RESET, account));
            }
            if (!account.isAdmin()) {
                users.grantRole(account.id(), Role.ADMIN);
                events.recordChange(event(AuthEventType.USER_ROLES_CHANGED, account));
            }
            return revoked;
        });
        revokedSessions.revoked(ended);
    }

    private String hashChecked(String password) {
        policy.check("adminPassword", password);
        return hasher.hash(password);
    }

    private AuthEvent event(AuthEventType type, User account) {
        return AuthEvent.of(type, Outcome.SUCCESS, clock.instant())
                .user(account.id())
                .email(account.email().value())
                .reason(REASON)
                .build();
    }
}
