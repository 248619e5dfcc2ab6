package dev.sentinel.auth.web.inbound.security;

import dev.sentinel.auth.usecase.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, read from its verified token whenever asked. A bean of its own rather
 * than a produced Caller, so that long-lived beans (resources, interceptors, exception mappers) can ask per
 * request without creating a dependent object each time.
 */
@ApplicationScoped
public class CurrentCaller {
    @Inject
    HttpServletRequest request;

    /** For protected resources: the authentication filter has already refused requests without one. */
    public Caller get() {
        return find().orElseThrow(() -> new BearerChallenge("A valid bearer token is required."));
    }

    public Optional<Caller> find() {
        if (!(request.getUserPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return SessionClaim.of(token)
                .map(session -> new Caller(UUID.fromString(token.getSubject()), session, token.getClaim("upn")));
    }
}
