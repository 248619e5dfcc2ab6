package dev.sentinel.auth.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.web.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs access tokens (RS256 or ES256, with kid) with the key that signs now, carrying the claims MP JWT and docs/api.md expect. */
@ApplicationScoped
public class AccessTokenIssuer {
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
                .build();
        JWK key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(SigningKeys.algorithmOf(key))
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
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
