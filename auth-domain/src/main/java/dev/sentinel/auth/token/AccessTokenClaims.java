package dev.sentinel.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a verified access token says. A user's token names its session ({@code sessionId}); a client-credentials
 * token names its client instead ({@code clientId}, also its subject).
 */
public record AccessTokenClaims(
        String subject,
        String username,
        List<String> groups,
        UUID sessionId,
        String clientId,
        String issuer,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt) {

    public AccessTokenClaims {
        groups = groups == null ? List.of() : List.copyOf(groups);
        audience = audience == null ? List.of() : List.copyOf(audience);
    }

    public boolean isClientToken() {
        return sessionId == null && clientId != null;
    }
}
