package dev.sentinel.auth.usecase;

import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.session.RefreshToken;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.token.AccessTokenClaims;
import dev.sentinel.auth.token.AccessTokenReader;
import java.util.Optional;

/** Tells what a token presented for introspection or revocation is: a verified access token or a stored refresh token. */
final class PresentedTokens {
    private static final int MAX_LENGTH = 8 * 1024;

    private final AccessTokenReader accessTokens;
    private final SessionRepository sessions;
    private final Transactions transactions;

    PresentedTokens(AccessTokenReader accessTokens, SessionRepository sessions, Transactions transactions) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    static boolean isPlausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
    }

    /** Only a token whose signature, issuer, audience and lifetime check out; anything forged is empty. */
    Optional<AccessTokenClaims> accessToken(String token) {
        return isPlausible(token) ? accessTokens.verified(token) : Optional.empty();
    }

    Optional<RefreshOf> refreshToken(String token) {
        if (!isPlausible(token)) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> sessions.lockToken(OpaqueToken.hashOf(token))
                .flatMap(found -> sessions.findSession(found.sessionId()).map(s -> new RefreshOf(found, s))));
    }

    record RefreshOf(RefreshToken token, Session session) {}
}
