package dev.sentinel.auth.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sentinel.auth.web.config.TokenSettings;
import dev.sentinel.auth.web.token.AccessTokenCheck.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AccessTokenCheckTest {
    private static final String ISSUER = "http://localhost:9080";
    private static final String AUDIENCE = "auth-service";
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final RSAKey OURS = newKey("ours");
    private static final RSAKey FOREIGN = newKey("foreign");

    private final AccessTokenCheck check = new AccessTokenCheck();

    AccessTokenCheckTest() {
        check.keys = new SigningKeys() {
            @Override
            public JWKSet publicKeys() {
                return new JWKSet(OURS.toPublicJWK());
            }
        };
        check.settings = new TokenSettings() {
            @Override
            public String issuer() {
                return ISSUER;
            }

            @Override
            public String audience() {
                return AUDIENCE;
            }
        };
        check.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void ourValidTokenPassesAndPassesAgainFromMemory() {
        String token = sign(claims(c -> c), OURS, OURS.getKeyID());

        assertEquals(Optional.empty(), check.rejectionOf(token));
        assertEquals(Optional.empty(), check.rejectionOf(token));
    }

    @Test
    void aTokenThatPassedNamesItsCaller() {
        String token = sign(claims(c -> c.claim("upn", "ann@example.com")), OURS, OURS.getKeyID());
        assertEquals(Optional.empty(), check.claimsOf(token));

        assertEquals(Optional.empty(), check.rejectionOf(token));

        BearerClaims caller = check.claimsOf(token).orElseThrow();
        assertEquals("5d1c2c2e-7a9f-4a44-9d8e-0d5c8a1b2c3d", caller.subject());
        assertEquals("ann@example.com", caller.upn());
        assertEquals(Optional.of(UUID.fromString("3b9f0c8e-1d2a-4c5b-8e7f-6a5b4c3d2e1f")), caller.session());
        assertEquals(Optional.empty(), caller.client());
    }

    @Test
    void aRefusedTokenNamesNoCaller() {
        String token = sign(claims(c -> c.audience("other")), OURS, OURS.getKeyID());

        assertTrue(check.rejectionOf(token).isPresent());
        assertEquals(Optional.empty(), check.claimsOf(token));
    }

    @Test
    void aCharacterAppendedToAValidTokenIsRefused() {
        String token = sign(claims(c -> c), OURS, OURS.getKeyID());
        assertEquals(Optional.empty(), check.rejectionOf(token));

        assertTrue(check.rejectionOf(token + "x").isPresent());
    }

    @Test
    void truncatedOrGarbageTokensAreMalformed() {
        String token = sign(claims(c -> c), OURS, OURS.getKeyID());

        assertEquals(Optional.of(Rejection.MALFORMED), check.rejectionOf(token.substring(0, token.indexOf('.'))));
        assertEquals(Optional.of(Rejection.MALFORMED), check.rejectionOf("abc.def.ghi"));
        assertEquals(Optional.of(Rejection.MALFORMED), check.rejectionOf("x".repeat(9000)));
    }

    @Test
    void unsignedTokenIsRefused() {
        String header = base64("{\"alg\":\"none\",\"kid\":\"" + OURS.getKeyID() + "\"}");
        String payload = base64(claims(c -> c).toString());

        assertEquals(Optional.of(Rejection.MALFORMED), check.rejectionOf(header + "." + payload + "."));
    }

    @Test
    void hmacSignedWithThePublicKeyIsRefusedForItsAlgorithm() throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(OURS.getKeyID()).build(), claims(c -> c));
        jwt.sign(new MACSigner(OURS.toPublicKey().getEncoded()));

        assertEquals(Optional.of(Rejection.ALGORITHM), check.rejectionOf(jwt.serialize()));
    }

    @Test
    void foreignKeysAreRefused() {
        assertEquals(
                Optional.of(Rejection.UNKNOWN_KEY),
                check.rejectionOf(sign(claims(c -> c), FOREIGN, FOREIGN.getKeyID())));
        assertEquals(
                Optional.of(Rejection.BAD_SIGNATURE),
                check.rejectionOf(sign(claims(c -> c), FOREIGN, OURS.getKeyID())));
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        assertEquals(
                Optional.of(Rejection.WRONG_ISSUER),
                check.rejectionOf(sign(claims(c -> c.issuer("https://evil.example")), OURS, OURS.getKeyID())));
        assertEquals(
                Optional.of(Rejection.WRONG_AUDIENCE),
                check.rejectionOf(sign(claims(c -> c.audience("other")), OURS, OURS.getKeyID())));
    }

    @Test
    void expiryIsEnforcedWithThirtySecondsOfSkew() {
        String justExpired = sign(claims(c -> c.expirationTime(at(NOW.minusSeconds(10)))), OURS, OURS.getKeyID());
        String longExpired = sign(claims(c -> c.expirationTime(at(NOW.minusSeconds(60)))), OURS, OURS.getKeyID());

        assertEquals(Optional.empty(), check.rejectionOf(justExpired));
        assertEquals(Optional.of(Rejection.EXPIRED), check.rejectionOf(longExpired));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String token = sign(claims(c -> c.expirationTime(at(NOW.plusSeconds(60)))), OURS, OURS.getKeyID());
        assertEquals(Optional.empty(), check.rejectionOf(token));

        check.clock = Clock.fixed(NOW.plus(Duration.ofMinutes(2)), ZoneOffset.UTC);

        assertEquals(Optional.of(Rejection.EXPIRED), check.rejectionOf(token));
    }

    @Test
    void tokensIssuedInTheFutureAreNotYetValid() {
        String token = sign(claims(c -> c.issueTime(at(NOW.plusSeconds(120)))), OURS, OURS.getKeyID());

        assertEquals(Optional.of(Rejection.NOT_YET_VALID), check.rejectionOf(token));
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .subject("5d1c2c2e-7a9f-4a44-9d8e-0d5c8a1b2c3d")
                        .issueTime(at(NOW.minusSeconds(60)))
                        .expirationTime(at(NOW.plusSeconds(840)))
                        .jwtID("jti")
                        .claim("sid", "3b9f0c8e-1d2a-4c5b-8e7f-6a5b4c3d2e1f"))
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date at(Instant instant) {
        return Date.from(instant);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }
}
