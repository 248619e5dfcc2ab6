package dev.sentinel.auth.web.security;

import java.util.UUID;

/** Who is calling a protected resource: the user and the session of the verified access token. */
public record Caller(UUID userId, UUID sessionId, String email) {
}
