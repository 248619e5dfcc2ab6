package dev.sentinel.auth.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sentinel.auth.web.config.SigningKeySettings;
import dev.sentinel.auth.web.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Checks an access token as Liberty's mpJwt will, before Liberty sees it: Liberty writes every token it refuses
 * into its log and FFDC files (a token with one character appended leaks the valid one), so only a token that
 * will pass may reach it. The rules match server.xml's mpJwt element: RS256 or ES256 as the published key says, a published kid, our issuer and
 * audience, 30 s of clock skew.
 */
@ApplicationScoped
public class AccessTokenCheck {
    static final Duration CLOCK_SKEW = SigningKeySettings.CLOCK_SKEW;
    private static final int MAX_LENGTH = 8 * 1024;
    /**
     * About 1 KiB each (the token is the key, its caller the value): enough for the tokens in recent use, as many as Liberty's own
     * authentication cache keeps (auth-service.xml); 10,000 grew the live heap by 10 MiB before it was first cleared.
     */
    private static final int MAX_REMEMBERED = 1_000;

    /** Why a token is refused: the label of auth_token_rejections_total. */
    public enum Rejection {
        MALFORMED,
        ALGORITHM,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        EXPIRED,
        NOT_YET_VALID;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    SigningKeys keys;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    /**
     * Tokens already verified, with their expiry and caller: a client sends one token many times, the check runs
     * once, and the request path reads its caller here rather than from Liberty's JsonWebToken.
     */
    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Instant expiry, BearerClaims claims) {}

    public Optional<Rejection> rejectionOf(String token) {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && !now.isAfter(known.expiry().plus(CLOCK_SKEW))) {
            return Optional.empty();
        }
        if (token.length() > MAX_LENGTH) {
            return Optional.of(Rejection.MALFORMED);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Optional.of(Rejection.MALFORMED);
        }
        Optional<Rejection> rejection = signatureRejection(jwt).or(() -> claimsRejection(claims, now));
        if (rejection.isEmpty()) {
            remember(token, new Verified(claims.getExpirationTime().toInstant(), callerOf(claims)), now);
        }
        return rejection;
    }

    /**
     * The caller of a token that {@link #rejectionOf} just passed; empty when it is no longer remembered (a flood
     * of distinct tokens cleared the memory in between).
     */
    public Optional<BearerClaims> claimsOf(String token) {
        return Optional.ofNullable(verified.get(token)).map(Verified::claims);
    }

    private static BearerClaims callerOf(JWTClaimsSet claims) {
        return new BearerClaims(
                claims.getSubject(), text(claims, "upn"), text(claims, "sid"), text(claims, "client_id"));
    }

    private static String text(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }

    /** The header's algorithm must be the published key's: RS256 for an RSA key, ES256 for a P-256 key. */
    private Optional<Rejection> signatureRejection(SignedJWT jwt) {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.ES256.equals(algorithm)) {
            return Optional.of(Rejection.ALGORITHM);
        }
        String kid = jwt.getHeader().getKeyID();
        JWK key = kid == null ? null : keys.publicKeys().getKeyByKeyId(kid);
        if (key == null) {
            return Optional.of(Rejection.UNKNOWN_KEY);
        }
        if (!SigningKeys.algorithmOf(key).equals(algorithm)) {
            return Optional.of(Rejection.ALGORITHM);
        }
        return signedBy(jwt, key) ? Optional.empty() : Optional.of(Rejection.BAD_SIGNATURE);
    }

    private Optional<Rejection> claimsRejection(JWTClaimsSet claims, Instant now) {
        if (!settings.issuer().equals(claims.getIssuer())) {
            return Optional.of(Rejection.WRONG_ISSUER);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
            return Optional.of(Rejection.WRONG_AUDIENCE);
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || now.isAfter(expiry.toInstant().plus(CLOCK_SKEW))) {
            return Optional.of(Rejection.EXPIRED);
        }
        Date issued = claims.getIssueTime();
        Date notBefore = claims.getNotBeforeTime();
        if (issued == null
                || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))
                || (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW)))) {
            return Optional.of(Rejection.NOT_YET_VALID);
        }
        return Optional.empty();
    }

    private static boolean signedBy(SignedJWT jwt, JWK key) {
        try {
            return jwt.verify(key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key));
        } catch (JOSEException e) {
            return false;
        }
    }

    private void remember(String token, Verified entry, Instant now) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(known -> now.isAfter(known.expiry().plus(CLOCK_SKEW)));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear(); // a flood of distinct valid tokens: forgetting costs only re-verification
            }
        }
        verified.put(token, entry);
    }
}
