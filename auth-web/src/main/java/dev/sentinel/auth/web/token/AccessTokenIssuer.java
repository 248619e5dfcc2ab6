package dev.sentinel.auth.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.web.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signs access tokens (RS256 or ES256, with kid) with the key that signs now, carrying the claims MP JWT and docs/api.md expect. */
@ApplicationScoped
public class AccessTokenIssuer {
    /** RFC 8176 authentication method references: a password, plus a one-time password as a second factor. */
    private static final List<String> PASSWORD_AMR = List.of("pwd");

    private static final List<String> SECOND_FACTOR_AMR = List.of("pwd", "otp", "mfa");

    @Inject
    SigningKeys keys;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    public String issue(SessionGrant grant, boolean emailVerified) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(grant.user().id().toString())
                .claim("upn", grant.user().email().value())
                .claim(
                        "groups",
                        grant.user().roles().stream().map(Role::group).sorted().toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim("sid", grant.session().id().toString())
                .claim("email_verified", emailVerified)
                .claim("amr", grant.session().secondFactor() ? SECOND_FACTOR_AMR : PASSWORD_AMR)
                .build();
        return signed(claims);
    }

    /**
     * A client-credentials token (RFC 6749 §4.4, claims after RFC 9068): the client is its subject and its
     * {@code client_id}; no session, so no {@code sid}. {@code upn} is set because Liberty's mpJwt takes the
     * caller's name from it.
     */
    public String issueForClient(ServiceClient client) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(client.id())
                .claim("upn", client.id())
                .claim("client_id", client.id())
                .claim(
                        "groups",
                        client.groups().stream().map(Role::group).sorted().toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return signed(claims);
    }

    private String signed(JWTClaimsSet claims) {
        JWK key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(SigningKeys.algorithmOf(key))
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        // aud as an array, which Nimbus writes as a string when it holds one audience: Liberty's mpJwt reads it
        // as a list and, given a string, builds and drops two exceptions per request to find out (9 % of a /me
        // call's CPU in a profile). RFC 7519 allows either form.
        Map<String, Object> payload = claims.toJSONObject();
        payload.put("aud", claims.getAudience());
        JWSObject jwt = new JWSObject(header, new Payload(payload));
        try {
            jwt.sign(SigningKeys.signerOf(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
        return jwt.serialize();
    }

    public long ttlSeconds() {
        return settings.accessTokenTtl().toSeconds();
    }
}
