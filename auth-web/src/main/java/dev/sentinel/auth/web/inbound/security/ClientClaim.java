package dev.sentinel.auth.web.inbound.security;

import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@code client_id} of a client-credentials token: no session, and the client is its own subject. */
final class ClientClaim {
    private ClientClaim() {}

    static Optional<String> of(JsonWebToken token) {
        Object clientId = token.getClaim("client_id");
        if (clientId == null || token.getClaim("sid") != null) {
            return Optional.empty();
        }
        String id = clientId.toString().replace("\"", "");
        return id.equals(token.getSubject()) ? Optional.of(id) : Optional.empty();
    }
}
