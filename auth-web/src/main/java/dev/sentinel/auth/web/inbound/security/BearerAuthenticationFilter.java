package dev.sentinel.auth.web.inbound.security;

import dev.sentinel.auth.error.SessionEndedException;
import dev.sentinel.auth.web.token.AccessTokenCheck;
import dev.sentinel.auth.web.token.BearerClaims;
import dev.sentinel.auth.web.token.RevocationList;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs MP JWT authentication (Liberty's mpJwt verifies signature, issuer, audience and expiry) before
 * Liberty's own @RolesAllowed filter would, so that a refusal becomes our problem+json 401 instead of an
 * empty one; then refuses tokens of sessions that have been revoked, and every token while revocations made
 * by other instances cannot be read. A client-credentials token has no session: it is refused once its client is
 * deleted. A token that mpJwt would refuse never reaches it: Liberty logs the tokens
 * it refuses, whole.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthenticationFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpServletResponse servletResponse;

    @Inject
    RevocationList revocations;

    @Inject
    AccessTokenCheck tokens;

    @Inject
    TokenRejections rejections;

    @Inject
    LiveClients liveClients;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken)) {
            authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        }
        if (!(servletRequest.getUserPrincipal() instanceof JsonWebToken)) {
            throw unauthorized("A valid bearer token is required.");
        }
        BearerClaims claims =
                CallerClaims.of(servletRequest).orElseThrow(() -> unauthorized("A valid bearer token is required."));
        Optional<UUID> sessionId = claims.session();
        if (sessionId.isPresent()) {
            if (revocations.isRevoked(sessionId.get())) {
                throw new SessionEndedException();
            }
            revocations.requireFresh(); // a revocation made elsewhere may be unread
            return;
        }
        // A client-credentials token: honoured while its client exists (CurrentCaller refuses it where a user is due).
        String clientId = claims.client().orElseThrow(() -> unauthorized("The token has no session."));
        if (!liveClients.isLive(clientId)) {
            throw unauthorized("The client of this token no longer exists.");
        }
    }

    private void authenticate(String authorization) throws IOException {
        // Without a bearer header there is nothing to verify (and the TAI would only log CWWKS5522E).
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("A bearer token is required.");
        }
        String token = authorization.substring(BEARER.length()).strip();
        Optional<AccessTokenCheck.Rejection> rejection = tokens.rejectionOf(token);
        if (rejection.isPresent()) {
            rejections.record(rejection.get().label());
            throw unauthorized("The bearer token is invalid or expired.");
        }
        try {
            if (!servletRequest.authenticate(servletResponse)) {
                throw unauthorized("The bearer token is invalid or expired.");
            }
        } catch (ServletException e) {
            throw unauthorized("The bearer token is invalid or expired.");
        }
        tokens.claimsOf(token).ifPresent(claims -> CallerClaims.attach(servletRequest, claims));
    }

    private static BearerChallenge unauthorized(String detail) {
        return new BearerChallenge(detail);
    }
}
