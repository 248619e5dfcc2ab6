package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.SessionNotFoundException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** US4 and session management: logout in three scopes, listing and revoking one's own sessions. */
public final class SessionService {
    private final SessionRepository sessions;
    private final RevokedSessions revokedSessions;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public SessionService(
            SessionRepository sessions,
            RevokedSessions revokedSessions,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.sessions = sessions;
        this.revokedSessions = revokedSessions;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    /** {@code scope} as the client named it: local (also when null), global or others. */
    public List<UUID> logout(Caller caller, String scope, ClientInfo client) {
        try {
            LogoutScope parsed = LogoutScope.parse(scope);
            List<UUID> revoked = transactions.inTransaction(() -> {
                List<UUID> ended = end(caller, parsed);
                audit.changed(caller.describe(audit.success(AuthEventType.LOGOUT, client)));
                return ended;
            });
            revokedSessions.revoked(revoked);
            return revoked;
        } catch (AuthException refusal) {
            throw audit.refused(caller.describe(audit.failure(AuthEventType.LOGOUT, client)), refusal);
        }
    }

    private List<UUID> end(Caller caller, LogoutScope scope) {
        return switch (scope) {
            case LOCAL ->
                sessions.revoke(caller.userId(), caller.sessionId(), clock.instant())
                        ? List.of(caller.sessionId())
                        : List.of();
            case GLOBAL -> sessions.revokeAllOf(caller.userId(), null, clock.instant());
            case OTHERS -> sessions.revokeAllOf(caller.userId(), caller.sessionId(), clock.instant());
        };
    }

    public List<Session> liveSessions(UUID userId) {
        return sessions.liveSessionsOf(userId, clock.instant());
    }

    /** A session of another user is answered as not found: its existence is none of the caller's business. */
    public void revoke(Caller caller, UUID sessionId, ClientInfo client) {
        try {
            transactions.inTransaction(() -> {
                if (!sessions.revoke(caller.userId(), sessionId, clock.instant())) {
                    throw new SessionNotFoundException();
                }
                audit.changed(caller.describe(audit.success(AuthEventType.SESSION_REVOKED, client))
                        .session(sessionId));
                return sessionId;
            });
            revokedSessions.revoked(List.of(sessionId));
        } catch (AuthException refusal) {
            throw audit.refused(
                    caller.describe(audit.failure(AuthEventType.SESSION_REVOKED, client))
                            .session(sessionId),
                    refusal);
        }
    }
}
