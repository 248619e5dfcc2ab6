package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.UserNotFoundException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.AccountRemoval;
import dev.sentinel.auth.user.LastAdminRule;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an administrator does to an account. Each change runs in one transaction with its event (naming the
 * administrator as actor), after {@link UserRepository#lockAdministrators()}: changes are decided one after the
 * other on every instance, so the last active administrator cannot be taken away by two changes at once.
 */
public final class UserAdministration {
    static final String BY_ADMIN = "by_admin";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final AccountErasure erasure;
    private final AccountLockout lockout;
    private final RevokedSessions revokedSessions;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public UserAdministration(
            UserRepository users,
            SessionRepository sessions,
            AccountRemoval removal,
            AccountLockout lockout,
            RevokedSessions revokedSessions,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.erasure = new AccountErasure(sessions, removal, clock);
        this.lockout = lockout;
        this.revokedSessions = revokedSessions;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    /** Every session ends at once, and logins are refused (after a right password) until it is enabled. */
    public void disable(Caller admin, UUID userId, ClientInfo client) {
        change(AuthEventType.USER_DISABLED, admin, userId, client, before -> {
            LastAdminRule.check(before, before.withDisabled(true), users::countActiveAdmins);
            users.setDisabled(userId, true);
            return Changed.endingSessions(before, sessions.revokeAllOf(userId, null, clock.instant()));
        });
    }

    public void enable(Caller admin, UUID userId, ClientInfo client) {
        change(AuthEventType.USER_ENABLED, admin, userId, client, before -> {
            users.setDisabled(userId, false);
            return Changed.keepingSessions(before.withDisabled(false));
        });
    }

    /** Ends the account-wide lock and the locks of every client on the account's address. */
    public void unlock(Caller admin, UUID userId, ClientInfo client) {
        change(AuthEventType.USER_UNLOCKED, admin, userId, client, before -> {
            lockout.clear(before.email());
            return Changed.keepingSessions(before);
        });
    }

    public void revokeSessions(Caller admin, UUID userId, ClientInfo client) {
        change(
                AuthEventType.SESSION_REVOKED,
                admin,
                userId,
                client,
                before -> Changed.endingSessions(before, sessions.revokeAllOf(userId, null, clock.instant())));
    }

    /**
     * Every account keeps the user role. A role taken away ends the account's sessions, so that no access token
     * carries it any longer (within a second); a role given reaches the tokens at the next refresh.
     */
    public User changeRoles(Caller admin, UUID userId, Set<Role> roles, ClientInfo client) {
        EnumSet<Role> granted = EnumSet.of(Role.USER);
        granted.addAll(roles);
        return change(AuthEventType.USER_ROLES_CHANGED, admin, userId, client, before -> {
                    User after = before.withRoles(granted);
                    LastAdminRule.check(before, after, users::countActiveAdmins);
                    users.replaceRoles(userId, granted);
                    boolean lostOne = !granted.containsAll(before.roles());
                    return lostOne
                            ? Changed.endingSessions(after, sessions.revokeAllOf(userId, null, clock.instant()))
                            : Changed.keepingSessions(after);
                })
                .user();
    }

    /** As the user's own deletion: the account and all that hangs on it go; its events keep only the user id. */
    public void delete(Caller admin, UUID userId, ClientInfo client) {
        change(AuthEventType.USER_DELETED, admin, userId, client, before -> {
            LastAdminRule.check(before, null, users::countActiveAdmins);
            return new Changed(null, erasure.erase(userId));
        });
    }

    private Changed change(AuthEventType type, Caller admin, UUID userId, ClientInfo client, Change change) {
        try {
            Changed changed = transactions.inTransaction(() -> {
                users.lockAdministrators();
                User before = users.findById(userId).orElseThrow(UserNotFoundException::new);
                Changed done = change.apply(before);
                audit.changed(describe(audit.success(type, client), admin, userId, done.user(), type));
                return done;
            });
            revokedSessions.revoked(changed.endedSessions());
            return changed;
        } catch (AuthException refusal) {
            throw audit.refused(audit.failure(type, client).user(userId).actor(admin.userId()), refusal);
        }
    }

    /** The account's address stays out of USER_DELETED: deletion takes it out of the account's other events too. */
    private static AuthEvent.Builder describe(
            AuthEvent.Builder event, Caller admin, UUID userId, User after, AuthEventType type) {
        event.user(userId).actor(admin.userId()).reason(BY_ADMIN);
        if (after != null) {
            event.email(after.email().value());
        }
        if (type == AuthEventType.USER_ROLES_CHANGED && after != null) {
            event.reason(after.roles().stream().map(Role::group).sorted().collect(Collectors.joining(",")));
        }
        return event;
    }

    @FunctionalInterface
    private interface Change {
        Changed apply(User before);
    }

    /** The account as a change left it (null when deleted) and the sessions it ended. */
    private record Changed(User user, List<UUID> endedSessions) {
        static Changed keepingSessions(User user) {
            return new Changed(user, List.of());
        }

        static Changed endingSessions(User user, List<UUID> ended) {
            return new Changed(user, ended);
        }
    }
}
