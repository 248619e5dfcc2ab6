package dev.sentinel.auth.web.token;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sentinel.auth.token.AccessTokenClaims;
import dev.sentinel.auth.token.AccessTokenReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/** Access tokens for introspection and revocation: verified by the same rules as bearer tokens, then read. */
@ApplicationScoped
public class VerifiedAccessTokens implements AccessTokenReader {
    @Inject
    AccessTokenCheck check;

    @Override
    public Optional<AccessTokenClaims> verified(String token) {
        if (check.rejectionOf(token).isPresent()) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            return Optional.of(new AccessTokenClaims(
                    claims.getSubject(),
                    claims.getStringClaim("upn"),
                    claims.getStringListClaim("groups"),
                    sessionOf(claims.getStringClaim("sid")),
                    claims.getStringClaim("client_id"),
                    claims.getIssuer(),
                    claims.getAudience(),
                    instant(claims.getIssueTime()),
                    instant(claims.getExpirationTime())));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty(); // signed by us but not of our shape: not a token we issued
        }
    }

    private static UUID sessionOf(String sid) {
        return sid == null ? null : UUID.fromString(sid);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
