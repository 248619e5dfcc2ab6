package dev.sentinel.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** RFC 7662: whether a token is active now, and what it says when it is. */
public record Introspection(
        boolean active,
        String tokenType,
        String subject,
        String username,
        String clientId,
        UUID sessionId,
        List<String> groups,
        String issuer,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt) {
    /** RFC 7662 §2.2: the token_type of RFC 6749 §5.1 for an access token; a refresh token says what it is. */
    public static final String ACCESS_TOKEN = "Bearer";

    public static final String REFRESH_TOKEN = "refresh_token";

    public static Introspection inactive() {
        return new Introspection(false, null, null, null, null, null, List.of(), null, List.of(), null, null);
    }

    public static Introspection of(AccessTokenClaims claims) {
        return new Introspection(
                true,
                ACCESS_TOKEN,
                claims.subject(),
                claims.username(),
                claims.clientId(),
                claims.sessionId(),
                claims.groups(),
                claims.issuer(),
                claims.audience(),
                claims.issuedAt(),
                claims.expiresAt());
    }
}
