package dev.sentinel.auth.web.inbound.security;

import dev.sentinel.auth.web.token.BearerClaims;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller claims of the request's verified bearer token: as the authentication filter left them on the request,
 * else read from Liberty's JsonWebToken. The filter's copy spares every request Liberty's {@code getClaim}, which
 * for any claim MP JWT does not name ({@code sid}, {@code client_id}) throws and catches an exception (5 % of a
 * {@code /me} call's CPU in a profile).
 */
final class CallerClaims {
    private static final String ATTRIBUTE = CallerClaims.class.getName();

    private CallerClaims() {}

    /** Only for a token that both our check and Liberty's mpJwt have verified. */
    static void attach(HttpServletRequest request, BearerClaims claims) {
        request.setAttribute(ATTRIBUTE, claims);
    }

    static Optional<BearerClaims> of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof BearerClaims claims) {
            return Optional.of(claims);
        }
        if (request.getUserPrincipal() instanceof JsonWebToken token) {
            return Optional.of(new BearerClaims(
                    token.getSubject(),
                    text(token.getClaim("upn")),
                    text(token.getClaim("sid")),
                    text(token.getClaim("client_id"))));
        }
        return Optional.empty();
    }

    /** Liberty gives a custom claim as a JSON value, a string one with its quotes. */
    private static String text(Object claim) {
        return claim == null ? null : claim.toString().replace("\"", "");
    }
}
