package dev.sentinel.auth.web.inbound.health;

import dev.sentinel.auth.web.token.RevocationList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while revocations made elsewhere go unread: this instance would accept revoked tokens. */
@Readiness
@ApplicationScoped
public class RevocationFeedReadyCheck implements HealthCheck {
    @Inject
    RevocationList revocations;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("revocations")
                .status(revocations.isFresh())
                .build();
    }
}
