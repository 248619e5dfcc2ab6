package dev.sentinel.auth.web.inbound.security;

import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The `sid` claim, which ties an access token to the session that may be revoked. */
final class SessionClaim {
    private SessionClaim() {}

    static Optional<UUID> of(JsonWebToken token) {
        Object sid = token.getClaim("sid");
        if (sid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(sid.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
