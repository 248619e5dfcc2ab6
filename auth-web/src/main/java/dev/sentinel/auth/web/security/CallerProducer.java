package dev.sentinel.auth.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

@ApplicationScoped
public class CallerProducer {
    @jakarta.inject.Inject
    HttpServletRequest request;

    /** Dependent: a record cannot be proxied, and it is made from the current request anyway. */
    @Produces
    Caller caller() {
        if (!(request.getUserPrincipal() instanceof JsonWebToken token)) {
            throw new BearerChallenge("A valid bearer token is required.");
        }
        UUID sessionId = SessionClaim.of(token)
                .orElseThrow(() -> new BearerChallenge("The token has no session."));
        return new Caller(UUID.fromString(token.getSubject()), sessionId, token.getClaim("upn"));
    }
}
