package dev.sentinel.auth.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What goes into access tokens and how they are signed; the verifying side reads the same values (server.xml). */
@ApplicationScoped
public class TokenSettings {
    @Inject
    @ConfigProperty(name = "auth.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "auth.jwt.audience")
    String audience;

    /** Read by the server's mpJwt element only (deploy/liberty); checked here so that a mistake is loud. */
    @Inject
    @ConfigProperty(name = "auth.jwks.uri")
    Optional<String> jwksUri;

    @Inject
    @ConfigProperty(name = "auth.access-token.ttl", defaultValue = "PT15M")
    Duration accessTokenTtl;

    @Inject
    @ConfigProperty(name = "auth.signing-key-file")
    Optional<String> signingKeyFile;

    /**
     * Stops the application at start when the server's verifying side cannot match what is signed: Liberty leaves a
     * variable it cannot resolve as the literal ${...} and then refuses every token without a word.
     */
    public void validate() {
        requireResolved("auth.jwt.issuer", "AUTH_JWT_ISSUER", issuer);
        requireResolved("auth.jwt.audience", "AUTH_JWT_AUDIENCE", audience);
        jwksUri.ifPresent(uri -> requireResolved("auth.jwks.uri", "AUTH_JWKS_URI", uri));
    }

    static void requireResolved(String property, String variable, String value) {
        if (value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(
                    property + " is '" + value + "': set " + variable
                            + " (server.env or the environment) or include deploy/liberty's auth-service.xml, which defines it");
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public Optional<String> signingKeyFile() {
        return signingKeyFile.filter(file -> !file.isBlank());
    }
}
