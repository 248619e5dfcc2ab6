package dev.sentinel.auth.web.config;

import dev.sentinel.auth.token.RotationPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How signing keys are made, published and rotated (AUTH_SIGNING_ALGORITHM, AUTH_JWKS_MAX_AGE, ...). */
@ApplicationScoped
public class SigningKeySettings {
    /** Tokens are accepted this long past their expiry (server.xml's mpJwt clockSkew says the same). */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Instances' clocks and a poll that runs late: the new key is published this much longer before it signs. */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    @Inject
    @ConfigProperty(name = "auth.signing.algorithm", defaultValue = "RS256")
    String algorithm;

    /** The JWKS's Cache-Control max-age: how long a relying party may keep it. */
    @Inject
    @ConfigProperty(name = "auth.jwks.max-age", defaultValue = "PT5M")
    Duration jwksMaxAge;

    @Inject
    @ConfigProperty(name = "auth.signing-key.rotation-period")
    Optional<Duration> rotationPeriod;

    /** How often each instance re-reads the keys: a rotation elsewhere reaches it within this. */
    @Inject
    @ConfigProperty(name = "auth.signing-key.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;

    @Inject
    TokenSettings tokens;

    public void validate() {
        algorithm();
        if (jwksMaxAge.isNegative() || pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalStateException(
                    "auth.jwks.max-age must not be negative and auth.signing-key.poll-interval must be positive");
        }
        policy();
    }

    /** RS256 (RSA 3072) or ES256 (P-256) for keys generated from now on. */
    public String algorithm() {
        String name = algorithm.strip().toUpperCase(Locale.ROOT);
        if (!name.equals("RS256") && !name.equals("ES256")) {
            throw new IllegalStateException("AUTH_SIGNING_ALGORITHM must be RS256 or ES256, not '" + algorithm + "'");
        }
        return name;
    }

    public Duration jwksMaxAge() {
        return jwksMaxAge;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * A new key signs once every cache of the JWKS can hold it: a relying party may have fetched the JWKS from an
     * instance that had not polled the new key yet, and keeps it max-age.
     */
    public RotationPolicy policy() {
        return new RotationPolicy(
                jwksMaxAge.plus(pollInterval).plus(MARGIN),
                tokens.accessTokenTtl().plus(CLOCK_SKEW).plus(MARGIN),
                rotationPeriod.filter(period -> !period.isZero()));
    }
}
