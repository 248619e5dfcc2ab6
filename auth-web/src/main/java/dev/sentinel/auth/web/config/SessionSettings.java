package dev.sentinel.auth.web.config;

import dev.sentinel.auth.session.SessionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class SessionSettings {
    @Inject
    @ConfigProperty(name = "auth.refresh-token.ttl", defaultValue = "P7D")
    Duration refreshTokenTtl;

    @Inject
    @ConfigProperty(name = "auth.session.max-lifetime", defaultValue = "P30D")
    Duration maxLifetime;

    @Inject
    @ConfigProperty(name = "auth.refresh-token.reuse-window", defaultValue = "PT10S")
    Duration reuseWindow;

    /** How often this instance reads revocations made by others: bounds how late they take effect here. */
    @Inject
    @ConfigProperty(name = "auth.revocation.poll-interval", defaultValue = "PT0.25S")
    Duration revocationPollInterval;

    @Inject
    @ConfigProperty(name = "auth.cleanup.interval", defaultValue = "PT10M")
    Duration cleanupInterval;

    public SessionPolicy policy() {
        return new SessionPolicy(refreshTokenTtl, maxLifetime, reuseWindow);
    }

    public Duration revocationPollInterval() {
        return revocationPollInterval;
    }

    public Duration cleanupInterval() {
        return cleanupInterval;
    }
}
