package dev.sentinel.auth.web.inbound.security;

import dev.sentinel.auth.usecase.Caller;
import dev.sentinel.auth.web.token.BearerClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller of the current request, read from its verified token whenever asked. A bean of its own rather
 * than a produced Caller, so that long-lived beans (resources, interceptors, exception mappers) can ask per
 * request without creating a dependent object each time.
 */
@ApplicationScoped
public class CurrentCaller {
    @Inject
    HttpServletRequest request;

    /**
     * The user of a protected resource about the caller's own account (the authentication filter has already
     * refused requests without a token). A service client has no account: 403 (docs/api.md, Tokens).
     */
    public Caller get() {
        if (client().isPresent()) {
            throw new ForbiddenException("A client token cannot call an operation about a user's own account.");
        }
        return find().orElseThrow(() -> new BearerChallenge("A valid bearer token is required."));
    }

    /** The calling user, if a user's token came with the request. */
    public Optional<Caller> find() {
        return CallerClaims.of(request)
                .flatMap(claims -> claims.session()
                        .map(session -> new Caller(UUID.fromString(claims.subject()), session, claims.upn())));
    }

    /** A user or a service client: for operations that any caller with the right group may perform. */
    public Caller anyone() {
        return client().map(Caller::client).orElseGet(this::get);
    }

    private Optional<String> client() {
        return CallerClaims.of(request).flatMap(BearerClaims::client);
    }
}
