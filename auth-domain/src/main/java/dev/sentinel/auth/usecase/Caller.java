package dev.sentinel.auth.usecase;

import dev.sentinel.auth.event.AuthEvent;
import java.util.UUID;

/** Who calls a protected operation: the user and the session of a verified access token. */
public record Caller(UUID userId, UUID sessionId, String email) {

    /** Names this caller in an auth event. */
    public AuthEvent.Builder describe(AuthEvent.Builder event) {
        return event.user(userId).email(email).session(sessionId);
    }
}
