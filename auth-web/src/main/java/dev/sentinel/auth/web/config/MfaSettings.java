package dev.sentinel.auth.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What authenticator apps show next to a user's codes. */
@ApplicationScoped
public class MfaSettings {
    @Inject
    @ConfigProperty(name = "auth.mfa.issuer", defaultValue = "Sentinel")
    String issuer;

    public String issuer() {
        return issuer.strip();
    }
}
