package dev.sentinel.auth.web.token;

import java.util.Optional;
import java.util.UUID;

/**
 * What a verified access token says about its caller: a user and one of their sessions ({@code sid}), or a service
 * client (client credentials: {@code client_id}, no session, the client its own subject).
 */
public record BearerClaims(String subject, String upn, String sessionId, String clientId) {

    /** The session of a user's token; empty for a client's token, or for a {@code sid} that is not a UUID. */
    public Optional<UUID> session() {
        if (sessionId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(sessionId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The client of a client-credentials token. */
    public Optional<String> client() {
        return clientId != null && sessionId == null && clientId.equals(subject)
                ? Optional.of(clientId)
                : Optional.empty();
    }
}
