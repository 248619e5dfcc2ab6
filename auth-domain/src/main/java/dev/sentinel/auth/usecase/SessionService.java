package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.SessionNotFoundException;
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
    private final Clock clock;

    public SessionService(SessionRepository sessions, RevokedSessions revokedSessions, Clock clock) {
        this.sessions = sessions;
        this.revokedSessions = revokedSessions;
        this.clock = clock;
    }

    public List<UUID> logout(UUID userId, UUID currentSession, LogoutScope scope) {
        List<UUID> revoked = switch (scope) {
            case LOCAL -> sessions.revoke(userId, currentSession, clock.instant()) ? List.of(currentSession) : List.of();
            case GLOBAL -> sessions.revokeAllOf(userId, null, clock.instant());
            case OTHERS -> sessions.revokeAllOf(userId, currentSession, clock.instant());
        };
        revokedSessions.revoked(revoked);
        return revoked;
    }

    public List<Session> liveSessions(UUID userId) {
        return sessions.liveSessionsOf(userId, clock.instant());
    }

    /** A session of another user is answered as not found: its existence is none of the caller's business. */
    public void revoke(UUID userId, UUID sessionId) {
        if (!sessions.revoke(userId, sessionId, clock.instant())) {
            throw new SessionNotFoundException();
        }
        revokedSessions.revoked(List.of(sessionId));
    }
}
