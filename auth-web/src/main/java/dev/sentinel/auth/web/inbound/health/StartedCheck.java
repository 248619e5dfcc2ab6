package dev.sentinel.auth.web.inbound.health;

import dev.sentinel.auth.web.wiring.StartupTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema is migrated, the signing key loaded and the admin account ensured. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {
    @Inject
    StartupTasks startup;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("startup").status(startup.isDone()).build();
    }
}
