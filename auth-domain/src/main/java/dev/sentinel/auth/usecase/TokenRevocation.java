package dev.sentinel.auth.usecase;

import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.token.AccessTokenClaims;
import dev.sentinel.auth.token.AccessTokenReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * RFC 7009: whoever holds a token may give it up. A refresh token or an access token ends its whole session
 * (its other tokens die with it, as at logout). Unknown, expired or forged tokens change nothing and are not
 * an error (§2.2); a client-credentials token has no session and lives out its short lifetime (delete the client
 * to stop it at once).
 */
public final class TokenRevocation {
    private final PresentedTokens tokens;
    private final SessionRepository sessions;
    private final RevokedSessions revokedSessions;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public TokenRevocation(
            AccessTokenReader accessTokens,
            SessionRepository sessions,
            RevokedSessions revokedSessions,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.tokens = new PresentedTokens(accessTokens, sessions, transactions);
        this.sessions = sessions;
        this.revokedSessions = revokedSessions;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    public void revoke(String token, ClientInfo client) {
        Optional<Session> session = tokens.accessToken(token)
                .map(AccessTokenClaims::sessionId)
                .flatMap(sessions::findSession)
                .or(() -> tokens.refreshToken(token).map(PresentedTokens.RefreshOf::session));
        if (session.isEmpty()) {
            audit.attempted(audit.failure(AuthEventType.TOKEN_REVOKED, client).reason("unknown_token"));
            return;
        }
        UUID userId = session.get().userId();
        UUID sessionId = session.get().id();
        Instant now = clock.instant();
        boolean ended = transactions.inTransaction(() -> {
            boolean revoked = sessions.revoke(userId, sessionId, now);
            if (revoked) {
                audit.changed(audit.success(AuthEventType.TOKEN_REVOKED, client)
                        .user(userId)
                        .session(sessionId));
            }
            return revoked;
        });
        if (ended) {
            revokedSessions.revoked(List.of(sessionId));
        }
    }
}
