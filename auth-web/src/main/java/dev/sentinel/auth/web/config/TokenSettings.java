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

    @Inject
    @ConfigProperty(name = "auth.access-token.ttl", defaultValue = "PT15M")
    Duration accessTokenTtl;

    @Inject
    @ConfigProperty(name = "auth.signing-key-file")
    Optional<String> signingKeyFile;

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
