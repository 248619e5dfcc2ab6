package dev.sentinel.auth.usecase;

import dev.sentinel.auth.event.AuthEvent;
import java.util.UUID;

/**
 * Who calls a protected operation: a user and the session of a verified access token, or a service client
 * (client credentials: no user, no session, {@code clientId} set).
 */
public record Caller(UUID userId, UUID sessionId, String email, String clientId) {

    /** A user calling with an access token of one of their sessions. */
    public Caller(UUID userId, UUID sessionId, String email) {
        this(userId, sessionId, email, null);
    }

    public static Caller client(String clientId) {
        return new Caller(null, null, null, clientId);
    }

    public boolean isClient() {
        return clientId != null;
    }

    /** Names this caller in an auth event; a client by its id in the reason, events have no field for it. */
    public AuthEvent.Builder describe(AuthEvent.Builder event) {
        return event.user(userId).email(email).session(sessionId);
    }
}
