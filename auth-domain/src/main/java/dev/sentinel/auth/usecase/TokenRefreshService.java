package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.InvalidRefreshTokenException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.session.RefreshToken;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.session.SuccessorSeal;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** US5: trade a refresh token for new tokens, rotating it and catching the replay of a stolen copy. */
public final class TokenRefreshService {
    private static final int MAX_TOKEN_LENGTH = 256;

    private final SessionRepository sessions;
    private final UserRepository users;
    private final Transactions transactions;
    private final RevokedSessions revokedSessions;
    private final Audit audit;
    private final SessionPolicy policy;
    private final SuccessorSeal seal;
    private final Clock clock;
    private final SecureRandom random;

    public TokenRefreshService(
            SessionRepository sessions,
            UserRepository users,
            Transactions transactions,
            RevokedSessions revokedSessions,
            AuthEventLog events,
            SessionPolicy policy,
            SuccessorSeal seal,
            Clock clock,
            SecureRandom random) {
        this.sessions = sessions;
        this.users = users;
        this.transactions = transactions;
        this.revokedSessions = revokedSessions;
        this.audit = new Audit(events, clock);
        this.policy = policy;
        this.seal = seal;
        this.clock = clock;
        this.random = random;
    }

    public SessionGrant refresh(String presented, ClientInfo client) {
        try {
            return rotate(presented, client);
        } catch (AuthException refusal) {
            throw audit.refused(audit.failure(AuthEventType.TOKEN_REFRESH, client), refusal);
        }
    }

    private SessionGrant rotate(String presented, ClientInfo client) {
        if (presented == null || presented.isBlank() || presented.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidRefreshTokenException("unknown_token");
        }
        Verdict outcome = transactions.inTransaction(() -> decide(presented, client, clock.instant()));
        if (outcome.grant != null) {
            return outcome.grant;
        }
        if (outcome.revoked != null) {
            revokedSessions.revoked(List.of(outcome.revoked.id()));
        }
        throw new InvalidRefreshTokenException(outcome.refusal);
    }

    private Verdict decide(String presented, ClientInfo client, Instant now) {
        Optional<RefreshToken> found = sessions.lockToken(OpaqueToken.hashOf(presented));
        if (found.isEmpty()) {
            return Verdict.refused("unknown_token");
        }
        RefreshToken token = found.get();
        Session session = sessions.findSession(token.sessionId()).orElseThrow();
        Optional<User> user = users.findById(session.userId());
        if (user.isEmpty()) {
            return Verdict.refused("unknown_user");
        }
        if (session.isLive(now) && session.predatesPasswordOf(user.get())) {
            sessions.revoke(session.userId(), session.id(), now);
            return new Verdict(null, "password_changed", session);
        }
        if (session.isLive(now) && user.get().disabled()) {
            sessions.revoke(session.userId(), session.id(), now); // disabling ended it; this one slipped past
            return new Verdict(null, "account_disabled", session);
        }
        Verdict verdict = switch (token.decide(session, now, policy)) {
            case ROTATE -> {
                OpaqueToken successor = OpaqueToken.generate(random);
                sessions.rotate(
                        token.rotated(now, seal.seal(presented, successor, random)),
                        RefreshToken.issue(successor, session, now, policy),
                        now);
                yield Verdict.granted(new SessionGrant(user.get(), session, successor));
            }
            case REPLAY_SUCCESSOR ->
                seal.open(presented, token.sealedSuccessor())
                        .map(successor -> Verdict.granted(new SessionGrant(user.get(), session, successor)))
                        .orElseGet(() -> Verdict.refused("successor_unavailable"));
            case REUSE_DETECTED -> {
                sessions.revoke(session.userId(), session.id(), now);
                audit.changed(audit.failure(AuthEventType.REFRESH_TOKEN_REUSE, client)
                        .user(session.userId())
                        .session(session.id())
                        .reason("rotated_token_replayed"));
                yield new Verdict(null, "refresh_token_reuse", session);
            }
            case EXPIRED -> Verdict.refused("token_expired");
            case SESSION_ENDED -> Verdict.refused("session_ended");
        };
        if (verdict.grant != null) {
            audit.granted(AuthEventType.TOKEN_REFRESH, verdict.grant, client);
        }
        return verdict;
    }

    /** Decided inside the transaction, acted on after it commits (a revocation must not roll back). */
    private record Verdict(SessionGrant grant, String refusal, Session revoked) {
        static Verdict granted(SessionGrant grant) {
            return new Verdict(grant, null, null);
        }

        static Verdict refused(String reason) {
            return new Verdict(null, reason, null);
        }
    }
}
