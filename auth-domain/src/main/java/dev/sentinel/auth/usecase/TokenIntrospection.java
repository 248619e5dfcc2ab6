package dev.sentinel.auth.usecase;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.RefreshDecision;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.token.AccessTokenClaims;
import dev.sentinel.auth.token.AccessTokenReader;
import dev.sentinel.auth.token.Introspection;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * RFC 7662: a resource server asks whether a token is active. The answer comes from the database, not from an
 * instance's cached revocations, so a session revoked on any instance is inactive here at once.
 */
public final class TokenIntrospection {
    private final PresentedTokens tokens;
    private final SessionRepository sessions;
    private final UserRepository users;
    private final ClientAuthentication clients;
    private final SessionPolicy policy;
    private final Audit audit;
    private final Clock clock;

    public TokenIntrospection(
            AccessTokenReader accessTokens,
            SessionRepository sessions,
            UserRepository users,
            ClientAuthentication clients,
            Transactions transactions,
            SessionPolicy policy,
            AuthEventLog events,
            Clock clock) {
        this.tokens = new PresentedTokens(accessTokens, sessions, transactions);
        this.sessions = sessions;
        this.users = users;
        this.clients = clients;
        this.policy = policy;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    public Introspection introspect(String token, ServiceClient asker, ClientInfo client) {
        Instant now = clock.instant();
        Introspection result = tokens.accessToken(token)
                .map(claims -> ofAccessToken(claims, now))
                .or(() -> ofRefreshToken(token, now))
                .orElseGet(Introspection::inactive);
        audit.attempted(audit.success(AuthEventType.TOKEN_INTROSPECTED, client)
                .session(result.sessionId())
                .reason((result.active() ? "active" : "inactive") + " by:" + asker.id()));
        return result;
    }

    private Introspection ofAccessToken(AccessTokenClaims claims, Instant now) {
        boolean live = claims.isClientToken()
                ? clients.exists(claims.clientId())
                : claims.sessionId() != null
                        && sessions.findSession(claims.sessionId())
                                .filter(session -> session.isLive(now))
                                .isPresent();
        return live ? Introspection.of(claims) : Introspection.inactive();
    }

    private Optional<Introspection> ofRefreshToken(String token, Instant now) {
        return tokens.refreshToken(token).map(found -> {
            Optional<User> user = users.findById(found.session().userId());
            if (user.isEmpty()
                    || found.session().predatesPasswordOf(user.get())
                    || found.token().decide(found.session(), now, policy) != RefreshDecision.ROTATE) {
                return Introspection.inactive();
            }
            return new Introspection(
                    true,
                    Introspection.REFRESH_TOKEN,
                    user.get().id().toString(),
                    user.get().email().value(),
                    null,
                    found.session().id(),
                    user.get().roles().stream().map(Role::group).sorted().toList(),
                    null,
                    List.of(),
                    found.token().issuedAt(),
                    found.token().expiresAt());
        });
    }
}
